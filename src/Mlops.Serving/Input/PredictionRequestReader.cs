using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Mlops.Core.PredictionLog;
using Mlops.Core.Problems;

namespace Mlops.Serving.Input;

/// <summary>
/// Reads a request body for the served problem by hand with <see cref="Utf8JsonReader"/>: one JSON object
/// with a field per feature of the problem, named as the problem file names it (or by an alias): every
/// error names the field (and the row of a batch), and nothing that is not a possible value of each
/// feature reaches a model. Prepared once per served model from its problem (names and aliases, kinds,
/// categories, validity bounds, missing-value policy); no reflection on the request path.
/// Binary features may be true/false, 0/1 or their strings; numbers may be strings ("51"), but never NaN
/// or infinity; categories are strings or whole numbers. A missing value (absent or null) is refused, or,
/// where the problem imputes it, becomes the card's imputed value. An optional <c>request_id</c>
/// (<see cref="ClientKey"/>), a string or an integer, is the client's own key for the row.
/// </summary>
public sealed class PredictionRequestReader
{
    private static readonly byte[] ClientKeyName = System.Text.Encoding.UTF8.GetBytes(ClientKey.Name);

    private static readonly JsonReaderOptions Options = new() { MaxDepth = 16, CommentHandling = JsonCommentHandling.Disallow };

    private static readonly string[] CountWords = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

    private readonly RequestFeature[] _features;
    private readonly string _featureCount;

    /// <summary>A reader for <paramref name="problem"/>; <paramref name="imputed"/> (by feature index) is what a missing value of an imputed feature becomes, NaN when not given.</summary>
    public PredictionRequestReader(ProblemSchema problem, IReadOnlyList<double>? imputed = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        Problem = problem;
        _features = [.. problem.Features.Select((f, i) => new RequestFeature(f, imputed is not null && i < imputed.Count ? imputed[i] : double.NaN))];
        var count = _features.Length;
        _featureCount = (count < CountWords.Length ? CountWords[count] : count.ToString(CultureInfo.InvariantCulture)) + (count == 1 ? " feature" : " features");
    }

    public ProblemSchema Problem { get; }

    /// <summary>One JSON object.</summary>
    public InputResult<PredictionRequest> ReadOne(ReadOnlySequence<byte> body)
    {
        var context = new Context();
        try
        {
            if (IsBlank(body))
            {
                return InputResult.Fail<PredictionRequest>(new InputError(InputErrorKind.BadJson, $"the request body is empty: send a JSON object with the {_featureCount}"));
            }

            if (!JsonBodyText.IsUtf8(body))
            {
                return InputResult.Fail<PredictionRequest>(JsonBodyText.NotUtf8);
            }

            var reader = new Utf8JsonReader(body, Options);
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return InputResult.Fail<PredictionRequest>(new InputError(InputErrorKind.WrongType, $"the request body must be a JSON object, got {Describe(ref reader)}"));
            }

            var error = ReadObject(ref reader, context, out var request);
            if (error is null && reader.Read())
            {
                error = new InputError(InputErrorKind.BadJson, "unexpected content after the JSON object");
            }

            return error is null ? InputResult.Ok(request!) : InputResult.Fail<PredictionRequest>(error);
        }
        catch (Exception e) when (IsMalformed(e))
        {
            return InputResult.Fail<PredictionRequest>(Malformed(e, context));
        }
    }

    /// <summary>A JSON array of objects, at most <paramref name="maxRows"/> of them.</summary>
    public InputResult<IReadOnlyList<PredictionRequest>> ReadBatch(ReadOnlySequence<byte> body, int maxRows)
    {
        var context = new Context();
        try
        {
            if (IsBlank(body))
            {
                return Fail(new InputError(InputErrorKind.BadJson, $"the request body is empty: send a JSON array of objects with the {_featureCount}"));
            }

            if (!JsonBodyText.IsUtf8(body))
            {
                return Fail(JsonBodyText.NotUtf8);
            }

            var reader = new Utf8JsonReader(body, Options);
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                return Fail(new InputError(InputErrorKind.WrongType, $"the request body must be a JSON array of objects, got {Describe(ref reader)}"));
            }

            var rows = new List<PredictionRequest>();
            while (ReadOrFail(ref reader) && reader.TokenType != JsonTokenType.EndArray)
            {
                context.Row = rows.Count;
                context.Field = null;
                if (rows.Count == maxRows)
                {
                    return Fail(new InputError(InputErrorKind.TooManyRows, $"row {rows.Count}: a batch holds at most {maxRows} rows", Row: rows.Count));
                }

                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    return Fail(new InputError(InputErrorKind.WrongType, $"row {rows.Count} must be a JSON object, got {Describe(ref reader)}", Row: rows.Count));
                }

                var error = ReadObject(ref reader, context, out var request);
                if (error is not null)
                {
                    return Fail(error);
                }

                rows.Add(request!);
                context.Row = null;
            }

            context.Row = null;
            context.Field = null;
            return reader.Read()
                ? Fail(new InputError(InputErrorKind.BadJson, "unexpected content after the JSON array"))
                : InputResult.Ok<IReadOnlyList<PredictionRequest>>(rows);
        }
        catch (Exception e) when (IsMalformed(e))
        {
            return Fail(Malformed(e, context));
        }

        static InputResult<IReadOnlyList<PredictionRequest>> Fail(InputError error) => InputResult.Fail<IReadOnlyList<PredictionRequest>>(error);
    }

    /// <summary>Reads the object the reader stands on, leaving the reader on its end.</summary>
    private InputError? ReadObject(ref Utf8JsonReader reader, Context context, out PredictionRequest? request)
    {
        request = null;
        var count = _features.Length;
        var values = new double[count];
        Span<bool> seen = count <= 256 ? stackalloc bool[count] : new bool[count];
        seen.Clear();
        var next = 0;
        string? requestId = null;
        while (ReadOrFail(ref reader) && reader.TokenType != JsonTokenType.EndObject)
        {
            var index = FieldIndex(ref reader, next);
            var isKey = index < 0 && reader.ValueTextEquals(ClientKeyName);
            context.Field = index >= 0 ? _features[index].Name : isKey ? ClientKey.Name : null;
            reader.Read();
            if (isKey)
            {
                var keyError = ReadClientKey(ref reader, context, requestId is not null, out requestId);
                if (keyError is not null)
                {
                    return keyError;
                }

                context.Field = null;
                continue;
            }

            if (index < 0)
            {
                // Extra fields (an id, the label of a replayed row) do no harm: the model sees only its features.
                reader.Skip();
                continue;
            }

            if (seen[index])
            {
                return Error(InputErrorKind.DuplicateField, context, "is given twice");
            }

            var feature = _features[index];
            var error = reader.TokenType == JsonTokenType.Null && feature.Imputes
                ? Impute(feature, out values[index])
                : feature.Kind switch
                {
                    FeatureType.Binary => ReadFlag(ref reader, context, out values[index]),
                    FeatureType.Categorical => ReadCategory(ref reader, context, feature, out values[index]),
                    _ => ReadNumber(ref reader, context, out values[index]),
                };
            if (error is not null)
            {
                return error;
            }

            seen[index] = true;
            next = index + 1;
            context.Field = null;
        }

        context.Field = null;
        for (var i = 0; i < count; i++)
        {
            if (!seen[i])
            {
                if (_features[i].Imputes)
                {
                    Impute(_features[i], out values[i]);
                    continue;
                }

                context.Field = _features[i].Name;
                return Error(InputErrorKind.MissingField, context, "is missing");
            }
        }

        // Values no row can have (the problem's validity bounds): the model, the log and the monitor must never see them.
        for (var i = 0; i < count; i++)
        {
            if (_features[i].Valid is { } valid && !valid.IsPossible(values[i]))
            {
                context.Field = _features[i].Name;
                return Error(InputErrorKind.InvalidValue, context, string.Create(CultureInfo.InvariantCulture, $"must be {_features[i].BoundsText}, got {values[i]}"));
            }
        }

        request = new PredictionRequest(values, requestId);
        return null;
    }

    private static InputError? Impute(RequestFeature feature, out double value)
    {
        value = feature.Imputed;
        return null;
    }

    /// <summary>The client's key: a non-empty string or an integer (a customer number), at most <see cref="ClientKey.MaxLength"/> characters; null means none.</summary>
    private static InputError? ReadClientKey(ref Utf8JsonReader reader, Context context, bool seenBefore, out string? key)
    {
        key = null;
        if (seenBefore)
        {
            return Error(InputErrorKind.DuplicateField, context, "is given twice");
        }

        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number when reader.TryGetInt64(out var number):
                key = number.ToString(CultureInfo.InvariantCulture);
                return null;
            case JsonTokenType.String:
                var text = reader.GetString()!;
                if (text.Length == 0 || text.Length > ClientKey.MaxLength || text.Any(char.IsControl))
                {
                    return Error(InputErrorKind.InvalidValue, context, $"must be 1 to {ClientKey.MaxLength} printable characters, got {Quote(text)}");
                }

                key = text;
                return null;
            default:
                return Error(InputErrorKind.WrongType, context, $"must be a string or an integer, got {Describe(ref reader)}");
        }
    }

    /// <summary>Reads the next token inside an object or array: the end of the body there means the JSON was cut short.</summary>
    private static bool ReadOrFail(ref Utf8JsonReader reader) =>
        reader.Read() ? true : throw new JsonException("the JSON ends before the object or array is closed");

    /// <summary>The feature the property names, or −1; clients usually send the problem's order, so the one after the last is tried first.</summary>
    private int FieldIndex(ref Utf8JsonReader reader, int expected)
    {
        if (expected < _features.Length && Names(ref reader, _features[expected]))
        {
            return expected;
        }

        for (var i = 0; i < _features.Length; i++)
        {
            if (i != expected && Names(ref reader, _features[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool Names(ref Utf8JsonReader reader, RequestFeature feature)
    {
        foreach (var spelling in feature.Spellings)
        {
            if (reader.ValueTextEquals(spelling))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A category by its text (<c>"setosa"</c>) or, for whole-number categories, its number (<c>2</c> or <c>"2"</c>); the vector holds its index.</summary>
    private static InputError? ReadCategory(ref Utf8JsonReader reader, Context context, RequestFeature feature, out double value)
    {
        value = 0;
        string text;
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                text = reader.GetString()!.Trim();
                break;
            case JsonTokenType.Number when reader.TryGetDouble(out var number) && double.IsFinite(number) && Math.Abs(number) < 1e15 && number == Math.Floor(number):
                text = ((long)number).ToString(CultureInfo.InvariantCulture);
                break;
            case JsonTokenType.Number:
                return Error(InputErrorKind.InvalidValue, context, $"must be one of {feature.CategoryList()}, got {Raw(ref reader)}");
            default:
                return Error(InputErrorKind.WrongType, context, $"must be one of {feature.CategoryList()}, got {Describe(ref reader)}");
        }

        var index = feature.CategoryIndex(text);
        if (index < 0)
        {
            return Error(InputErrorKind.InvalidValue, context, $"must be one of {feature.CategoryList()}, got {Quote(text)}");
        }

        value = index;
        return null;
    }

    private static InputError? ReadNumber(ref Utf8JsonReader reader, Context context, out double value)
    {
        value = 0;
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                if (!reader.TryGetDouble(out value) || !double.IsFinite(value))
                {
                    return Error(InputErrorKind.InvalidValue, context, "is not a finite number");
                }

                return null;
            case JsonTokenType.String:
                var text = reader.GetString()!;
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
                {
                    return Error(InputErrorKind.WrongType, context, $"must be a number, got the string {Quote(text)}");
                }

                return double.IsFinite(value) ? null : Error(InputErrorKind.InvalidValue, context, $"must be a finite number, got {Quote(text)}");
            default:
                return Error(InputErrorKind.WrongType, context, $"must be a number, got {Describe(ref reader)}");
        }
    }

    private static InputError? ReadFlag(ref Utf8JsonReader reader, Context context, out double value)
    {
        value = 0;
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                value = 1;
                return null;
            case JsonTokenType.False:
                return null;
            case JsonTokenType.Number:
                if (reader.TryGetDouble(out value) && value is 0 or 1)
                {
                    return null;
                }

                return Error(InputErrorKind.InvalidValue, context, $"must be 0 or 1 (or true/false), got {Raw(ref reader)}");
            case JsonTokenType.String:
                var text = reader.GetString()!.Trim();
                if (text is "0" or "1" || text.Equals("true", StringComparison.OrdinalIgnoreCase) || text.Equals("false", StringComparison.OrdinalIgnoreCase))
                {
                    value = text == "1" || text.Equals("true", StringComparison.OrdinalIgnoreCase) ? 1 : 0;
                    return null;
                }

                return Error(InputErrorKind.InvalidValue, context, $"must be 0 or 1 (or true/false), got the string {Quote(text)}");
            default:
                return Error(InputErrorKind.WrongType, context, $"must be 0 or 1 (or true/false), got {Describe(ref reader)}");
        }
    }

    private static InputError Error(InputErrorKind kind, Context context, string what)
    {
        var where = context.Row is { } row ? $"row {row}: " : "";
        return new InputError(kind, $"{where}field '{context.Field}' {what}", context.Field, context.Row);
    }

    /// <summary>
    /// What the JSON reader throws for bytes that are not JSON text: a <see cref="JsonException"/>, or,
    /// when a string is turned into text, an <see cref="InvalidOperationException"/> for invalid UTF-8 or
    /// a lone surrogate escape (<c>"\ud800"</c>) — here only the body can cause that.
    /// </summary>
    private static bool IsMalformed(Exception e) => e is JsonException or InvalidOperationException or System.Text.DecoderFallbackException;

    private static InputError Malformed(Exception e, Context context)
    {
        var where = context.Row is { } row ? $"row {row}: " : "";
        var field = context.Field is null ? ": " : $" at field '{context.Field}': ";
        var message = e is JsonException
            ? (e.Message ?? "malformed JSON").ReplaceLineEndings(" ")
            : JsonBodyText.LoneSurrogate;
        return new InputError(InputErrorKind.BadJson, $"{where}malformed JSON{field}{message}", context.Field, context.Row);
    }

    private static string Describe(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => reader.TokenType.ToString(),
    };

    private static string Raw(ref Utf8JsonReader reader) =>
        Core.Excerpt.Quote(System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan));

    private static string Quote(string text) => Core.Excerpt.Quote(text);

    private static bool IsBlank(ReadOnlySequence<byte> body)
    {
        foreach (var segment in body)
        {
            foreach (var b in segment.Span)
            {
                if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>Where the reader is, for error messages of malformed JSON.</summary>
    private sealed class Context
    {
        public string? Field { get; set; }

        public int? Row { get; set; }
    }
}
