namespace Mlops.Serving.Input;

/// <summary>What was wrong with a request body, in the terms of the metric <c>mlops_prediction_errors_total{kind}</c>.</summary>
public enum InputErrorKind
{
    BadJson,
    WrongType,
    MissingField,
    DuplicateField,
    InvalidValue,
    TooLarge,
    TooManyRows,
}

public static class InputErrorKinds
{
    public static string Label(this InputErrorKind kind) => kind switch
    {
        InputErrorKind.BadJson => "bad_json",
        InputErrorKind.WrongType => "wrong_type",
        InputErrorKind.MissingField => "missing_field",
        InputErrorKind.DuplicateField => "duplicate_field",
        InputErrorKind.InvalidValue => "invalid_value",
        InputErrorKind.TooLarge => "too_large",
        InputErrorKind.TooManyRows => "too_many_rows",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown input error kind"),
    };

    /// <summary>400 for JSON that is not JSON, 413 for too much of it, 422 for JSON that says the wrong thing.</summary>
    public static int StatusCode(this InputErrorKind kind) => kind switch
    {
        InputErrorKind.BadJson => 400,
        InputErrorKind.TooLarge => 413,
        _ => 422,
    };

    public static string Title(this InputErrorKind kind) => kind switch
    {
        InputErrorKind.BadJson => "Malformed JSON",
        InputErrorKind.WrongType => "Wrong type",
        InputErrorKind.MissingField => "Missing field",
        InputErrorKind.DuplicateField => "Duplicate field",
        InputErrorKind.InvalidValue => "Invalid value",
        InputErrorKind.TooLarge => "Request body too large",
        InputErrorKind.TooManyRows => "Too many rows",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown input error kind"),
    };

    public static IReadOnlyList<InputErrorKind> All { get; } = Enum.GetValues<InputErrorKind>();
}

/// <summary>One thing wrong with a request, naming the field (and the row of a batch) where it can.</summary>
/// <param name="Kind">The class of error.</param>
/// <param name="Message">One line for the client, e.g. "field 'age' is missing".</param>
/// <param name="Field">The field, when one is to blame.</param>
/// <param name="Row">The 0-based row of a batch.</param>
public sealed record InputError(InputErrorKind Kind, string Message, string? Field = null, int? Row = null);
