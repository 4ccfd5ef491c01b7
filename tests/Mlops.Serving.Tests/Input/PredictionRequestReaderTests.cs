using System.Buffers;
using System.Text;
using Mlops.Core.Problems;
using Mlops.Serving.Input;
using Mlops.Testing;

namespace Mlops.Serving.Tests.Input;

public sealed class PredictionRequestReaderTests
{
    private static readonly PredictionRequestReader Reader = new(ProblemSchema.Insurance);

    private const string Talk = """{"training":1,"age":51,"emergency_braking":1,"braking_distance":30,"power":100,"miles":10}""";

    [Fact]
    public void Reads_the_seeds_request()
    {
        var features = Ok(Talk);
        Assert.Equal(InsuranceVectors.Customer(true, 51, true, 30, 100, 10), features);
    }

    [Theory]
    [InlineData("""{"training":true,"age":51,"emergency_breaking":false,"braking_distance":30.5,"power":100,"miles":10}""")]
    [InlineData("""{"training":"1","age":"51","emergency_braking":"false","braking_distance":"30.5","power":" 100 ","miles":"1e1"}""")]
    [InlineData("""{"miles":10, "power":100, "braking_distance":30.5, "emergency_braking":0, "age":51.0, "training":1, "id":"extra", "nested":{"a":[1,2]}}""")]
    public void Accepts_flags_as_booleans_numbers_as_strings_the_seeds_spelling_and_any_order(string json)
    {
        Assert.Equal(InsuranceVectors.Customer(true, 51, false, 30.5, 100, 10), Ok(json));
    }

    [Theory]
    [InlineData("""{"training":1,"emergency_braking":1,"braking_distance":30,"power":100,"miles":10}""", "age")]
    [InlineData("""{"training":1,"age":51,"braking_distance":30,"power":100,"miles":10}""", "emergency_braking")]
    [InlineData("{}", "training")]
    public void A_missing_field_is_named(string json, string field)
    {
        var error = Error(json);
        Assert.Equal(InputErrorKind.MissingField, error.Kind);
        Assert.Equal(field, error.Field);
        Assert.Equal($"field '{field}' is missing", error.Message);
    }

    [Theory]
    [InlineData("""{"training":1,"age":"old","emergency_braking":1,"braking_distance":30,"power":100,"miles":10}""", "age", InputErrorKind.WrongType)]
    [InlineData("""{"training":1,"age":51,"emergency_braking":1,"braking_distance":30,"power":true,"miles":10}""", "power", InputErrorKind.WrongType)]
    [InlineData("""{"training":1,"age":51,"emergency_braking":1,"braking_distance":null,"power":100,"miles":10}""", "braking_distance", InputErrorKind.WrongType)]
    [InlineData("""{"training":1,"age":[51],"emergency_braking":1,"braking_distance":30,"power":100,"miles":10}""", "age", InputErrorKind.WrongType)]
    [InlineData("""{"training":{},"age":51,"emergency_braking":1,"braking_distance":30,"power":100,"miles":10}""", "training", InputErrorKind.WrongType)]
    [InlineData("""{"training":2,"age":51,"emergency_braking":1,"braking_distance":30,"power":100,"miles":10}""", "training", InputErrorKind.InvalidValue)]
    [InlineData("""{"training":1,"age":51,"emergency_braking":"yes","braking_distance":30,"power":100,"miles":10}""", "emergency_braking", InputErrorKind.InvalidValue)]
    [InlineData("""{"training":1,"age":51,"emergency_braking":1,"braking_distance":30,"power":100,"miles":-1}""", "miles", InputErrorKind.InvalidValue)]
    [InlineData("""{"training":1,"age":-5,"emergency_braking":1,"braking_distance":30,"power":100,"miles":1}""", "age", InputErrorKind.InvalidValue)]
    [InlineData("""{"training":1,"age":"NaN","emergency_braking":1,"braking_distance":30,"power":100,"miles":10}""", "age", InputErrorKind.InvalidValue)]
    [InlineData("""{"training":1,"age":51,"emergency_braking":1,"braking_distance":30,"power":"Infinity","miles":10}""", "power", InputErrorKind.InvalidValue)]
    [InlineData("""{"training":1,"age":51,"emergency_braking":1,"braking_distance":"-Infinity","power":100,"miles":10}""", "braking_distance", InputErrorKind.InvalidValue)]
    [InlineData("""{"training":1,"age":51,"emergency_braking":1,"braking_distance":30,"power":1e400,"miles":10}""", "power", InputErrorKind.InvalidValue)]
    [InlineData("""{"training":1,"age":51,"age":52,"emergency_braking":1,"braking_distance":30,"power":100,"miles":10}""", "age", InputErrorKind.DuplicateField)]
    [InlineData("""{"training":1,"age":51,"emergency_braking":1,"emergency_breaking":1,"braking_distance":30,"power":100,"miles":10}""", "emergency_braking", InputErrorKind.DuplicateField)]
    public void A_bad_value_is_named(string json, string field, InputErrorKind kind)
    {
        var error = Error(json);
        Assert.Equal(kind, error.Kind);
        Assert.Equal(field, error.Field);
        Assert.StartsWith($"field '{field}' ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"training":1,"age":NaN,"emergency_braking":1,"braking_distance":30,"power":100,"miles":10}""", "age")]
    [InlineData("""{"training":1,"age":51,"emergency_braking":1,"braking_distance":30,"power":Infinity,"miles":10}""", "power")]
    [InlineData("""{"training":1,"age":51,"emergency_braking":1,"braking_distance":30,"power":100,"miles":10""", "miles")]
    [InlineData("""{"training":1,"age":51,} """, null)]
    [InlineData("not json", null)]
    [InlineData("", null)]
    [InlineData(Talk + " {}", null)]
    public void Malformed_json_is_a_bad_request_naming_the_field_where_known(string json, string? field)
    {
        var error = Error(json);
        Assert.Equal(InputErrorKind.BadJson, error.Kind);
        Assert.Equal(field, error.Field);
        if (field is not null)
        {
            Assert.Contains($"field '{field}'", error.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("42")]
    [InlineData("\"text\"")]
    public void The_body_must_be_an_object(string json)
    {
        Assert.Equal(InputErrorKind.WrongType, Error(json).Kind);
    }

    [Fact]
    public void Reads_a_batch_in_order()
    {
        var result = Reader.ReadBatch(Body($"[{Talk},{Talk.Replace("\"power\":100", "\"power\":20", StringComparison.Ordinal)}]"), maxRows: 10);

        Assert.Null(result.Error);
        Assert.Equal([100.0, 20.0], result.Value!.Select(r => r.Features[Power]));
    }

    [Fact]
    public void A_bad_row_of_a_batch_is_named_by_index_and_field()
    {
        var bad = Talk.Replace("\"miles\":10", "\"miles\":-3", StringComparison.Ordinal);
        var error = Reader.ReadBatch(Body($"[{Talk},{Talk},{bad}]"), maxRows: 10).Error!;

        Assert.Equal(InputErrorKind.InvalidValue, error.Kind);
        Assert.Equal(2, error.Row);
        Assert.Equal("miles", error.Field);
        Assert.StartsWith("row 2: field 'miles' must be at least 0 and at most 1000", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"power\":100", "\"power\":-1", "field 'power' must be more than 0 and at most 5000 (kW), got -1")]
    [InlineData("\"age\":51", "\"age\":151", "field 'age' must be more than 0 and at most 150 (years), got 151")]
    [InlineData("\"miles\":10", "\"miles\":-3", "field 'miles' must be at least 0 and at most 1000 (thousand miles per year), got -3")]
    public void An_impossible_value_is_named_with_the_problem_files_unit(string find, string replace, string expected)
    {
        var error = Reader.ReadOne(Body(Talk.Replace(find, replace, StringComparison.Ordinal))).Error!;

        Assert.Equal(InputErrorKind.InvalidValue, error.Kind);
        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void A_batch_is_bounded()
    {
        var rows = string.Join(',', Enumerable.Repeat(Talk, 4));
        Assert.Null(Reader.ReadBatch(Body($"[{rows}]"), maxRows: 4).Error);

        var error = Reader.ReadBatch(Body($"[{rows},{Talk}]"), maxRows: 4).Error!;
        Assert.Equal(InputErrorKind.TooManyRows, error.Kind);
        Assert.Equal(4, error.Row);
    }

    [Theory]
    [InlineData("""{"a":1}""", InputErrorKind.WrongType)]
    [InlineData("[1]", InputErrorKind.WrongType)]
    [InlineData("[{\"training\":1}", InputErrorKind.MissingField)]
    public void A_batch_must_be_an_array_of_objects(string json, InputErrorKind kind)
    {
        Assert.Equal(kind, Reader.ReadBatch(Body(json), maxRows: 10).Error!.Kind);
    }

    [Fact]
    public void Reads_a_body_split_over_many_buffer_segments()
    {
        var bytes = Encoding.UTF8.GetBytes(Talk);
        var first = new Segment(bytes.AsMemory(0, 7));
        var last = first.Append(bytes.AsMemory(7, 20)).Append(bytes.AsMemory(27));
        var result = Reader.ReadOne(new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length));

        Assert.Equal(InsuranceVectors.Customer(true, 51, true, 30, 100, 10), result.Value!.Features);
        Assert.Null(result.Value.RequestId);
    }

    [Theory]
    [InlineData("\"customer-17\"", "customer-17")]
    [InlineData("4711", "4711")]
    [InlineData("null", null)]
    public void The_clients_key_is_read_as_text(string json, string? expected)
    {
        var result = Reader.ReadOne(Body(Talk.Replace("{", "{\"request_id\":" + json + ",", StringComparison.Ordinal)));

        Assert.True(result.Error is null, result.Error?.Message);
        Assert.Equal(expected, result.Value!.RequestId);
        Assert.Null(Reader.ReadOne(Body(Talk)).Value!.RequestId);
    }

    [Theory]
    [InlineData("\"\"", InputErrorKind.InvalidValue)]
    [InlineData("1.5", InputErrorKind.WrongType)]
    [InlineData("{}", InputErrorKind.WrongType)]
    [InlineData("\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"", InputErrorKind.InvalidValue)]
    public void A_bad_clients_key_is_named(string json, InputErrorKind kind)
    {
        var batch = $"[{Talk},{Talk.Replace("{", "{\"request_id\":" + json + ",", StringComparison.Ordinal)}]";
        var error = Reader.ReadBatch(Body(batch), maxRows: 10).Error!;

        Assert.Equal(kind, error.Kind);
        Assert.Equal("request_id", error.Field);
        Assert.Equal(1, error.Row);
    }

    private static double[] Ok(string json)
    {
        var result = Reader.ReadOne(Body(json));
        Assert.True(result.Error is null, result.Error?.Message);
        return result.Value!.Features;
    }

    /// <summary>Where power is in the insurance problem's vector.</summary>
    private static int Power => ProblemSchema.Insurance.FeatureIndex("power");

    private static InputError Error(string json)
    {
        var result = Reader.ReadOne(Body(json));
        Assert.Null(result.Value);
        return result.Error!;
    }

    private static ReadOnlySequence<byte> Body(string json) => new(Encoding.UTF8.GetBytes(json));

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory) => Memory = memory;

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory) { RunningIndex = RunningIndex + Memory.Length };
            Next = next;
            return next;
        }
    }
}
