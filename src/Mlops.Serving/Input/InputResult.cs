namespace Mlops.Serving.Input;

/// <summary>A parsed request or why it could not be parsed; never both.</summary>
public readonly record struct InputResult<T>(T? Value, InputError? Error)
    where T : class;

public static class InputResult
{
    public static InputResult<T> Ok<T>(T value)
        where T : class => new(value, null);

    public static InputResult<T> Fail<T>(InputError error)
        where T : class => new(null, error);
}
