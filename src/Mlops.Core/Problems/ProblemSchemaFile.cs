using System.Text.Json;
using Mlops.Core.Serialization;

namespace Mlops.Core.Problems;

/// <summary>
/// The one loader of problem files: strict JSON (an unknown or repeated key is an error, like a
/// missing required one), then the checks of <see cref="ProblemSchemaCheck"/>. Every error is one line
/// naming the file and the key (<c>problem.json: features[2].name: duplicate feature 'age'</c>).
/// </summary>
public static class ProblemSchemaFile
{
    private const string InsuranceResource = "Mlops.Core.Problems.insurance.problem.json";

    private static readonly JsonSerializerOptions Strict = new(MlopsJson.Options)
    {
        AllowDuplicateProperties = false,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>A file people edit: <c>'</c>, <c>&lt;</c> and non-ASCII letters stay as they are.</summary>
    private static readonly JsonSerializerOptions Readable = new(MlopsJson.Options) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly Lazy<ProblemSchema> InsuranceSchema = new(LoadInsurance);

    /// <summary>The talk's problem: <c>config/insurance.problem.json</c>, embedded so every host agrees.</summary>
    public static ProblemSchema Insurance => InsuranceSchema.Value;

    public static ProblemSchema Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
        {
            throw new ProblemSchemaException($"{path}: is a directory, expected a problem file (JSON)");
        }

        if (!File.Exists(path))
        {
            throw new ProblemSchemaException($"{path}: problem file not found");
        }

        try
        {
            using var stream = File.OpenRead(path);
            return Parse(stream, path);
        }
        catch (IOException e)
        {
            throw new ProblemSchemaException($"{path}: cannot read: {e.Message}", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new ProblemSchemaException($"{path}: cannot read: {e.Message}", e);
        }
    }

    /// <summary>Reads a problem; <paramref name="source"/> names it in errors.</summary>
    public static ProblemSchema Parse(Stream json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(source);
        ProblemSchema? schema;
        try
        {
            schema = JsonSerializer.Deserialize<ProblemSchema>(json, Strict);
        }
        catch (JsonException e)
        {
            throw new ProblemSchemaException($"{source}: {Describe(e)}", e);
        }

        if (schema is null)
        {
            throw new ProblemSchemaException($"{source}: not a problem file: the file holds null");
        }

        var problem = ProblemSchemaCheck.FirstProblem(schema);
        return problem is null ? schema : throw new ProblemSchemaException($"{source}: {problem}");
    }

    /// <summary>Writes a problem file the loader reads back (indented, snake_case).</summary>
    public static void Write(string path, ProblemSchema schema)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(schema);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(schema, Readable) + "\n");
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>
    /// System.Text.Json's message names the .NET type and spans several sentences; the user needs the key
    /// (from the exception's JSON path) and what is wrong with it.
    /// </summary>
    private static string Describe(JsonException e)
    {
        var key = Key(e.Path);
        var message = e.Message;
        const string unmapped = "could not be mapped to any";
        const string missing = "missing required properties including: ";
        const string duplicate = "Duplicate property";
        if (message.Contains(unmapped, StringComparison.Ordinal))
        {
            return $"{key}: unknown key";
        }

        var at = message.IndexOf(missing, StringComparison.Ordinal);
        if (at >= 0)
        {
            var names = message[(at + missing.Length)..].Split('.')[0].Trim();
            var prefix = key == "$" ? "" : $"{key}: ";
            return $"{prefix}missing key {names}";
        }

        if (message.Contains(duplicate, StringComparison.OrdinalIgnoreCase))
        {
            return $"{key}: key given twice";
        }

        if (message.Contains("could not be converted to", StringComparison.Ordinal))
        {
            var where = e.LineNumber is { } l ? $" (line {l + 1})" : "";
            return $"{key}: not a valid value{where}{Choices(message)}";
        }

        if (e.LineNumber is null && e.InnerException is null && !message.Contains("Path:", StringComparison.Ordinal))
        {
            // Our own converters throw short messages without a position.
            return $"{key}: {message}";
        }

        return e.LineNumber is { } line
            ? $"{key}: not valid here (line {line + 1}): {FirstSentence(message)}"
            : $"{key}: {FirstSentence(message)}";
    }

    /// <summary>For a key whose values are a fixed set, the set, named as in the file.</summary>
    private static string Choices(string message)
    {
        static string List<T>()
            where T : struct, Enum => string.Join(", ", Enum.GetNames<T>().Select(n => JsonNamingPolicy.SnakeCaseLower.ConvertName(n)));

        return message.Contains(nameof(FeatureType), StringComparison.Ordinal) ? $": use one of {List<FeatureType>()}"
            : message.Contains(nameof(MissingValuePolicy), StringComparison.Ordinal) ? $": use one of {List<MissingValuePolicy>()}"
            : "";
    }

    /// <summary><c>$.features[2].name</c> → <c>features[2].name</c>.</summary>
    private static string Key(string? path) => string.IsNullOrEmpty(path) || path == "$"
        ? "$"
        : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return (end < 0 ? message : message[..end]).ReplaceLineEndings(" ").Trim();
    }

    private static ProblemSchema LoadInsurance()
    {
        using var stream = typeof(ProblemSchemaFile).Assembly.GetManifestResourceStream(InsuranceResource)
            ?? throw new InvalidOperationException($"resource {InsuranceResource} is missing from {typeof(ProblemSchemaFile).Assembly.GetName().Name}");
        return Parse(stream, "config/insurance.problem.json (embedded)");
    }
}
