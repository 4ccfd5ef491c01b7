using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Mlops.Core.PredictionLog;
using Mlops.Core.Problems;
using Mlops.Core.Serialization;
using Mlops.Hosting.Access;
using Mlops.Hosting.Input;
using Mlops.Serving.Input;

namespace Mlops.Serving.Endpoints;

/// <summary>
/// <c>POST /labels</c>: late ground truth for answered predictions, stored next to the prediction
/// log. The body is a JSON array of <c>{"prediction_id": "…", "label": 2}</c> (or <c>"request_id"</c>
/// instead, the same key in every row; the label 0, 1, 2 or high, medium, low). One bad row refuses
/// the whole request (422 naming index and field), so nothing of it is stored.
/// </summary>
internal static class LabelEndpoints
{
    public static void Map(IEndpointRouteBuilder app, IPredictionLog log, ServingOptions options, ProblemSchema problem)
    {
        app.MapPost("/labels", (Func<HttpContext, Task>)(context => AddAsync(context, log, options, problem)))
            .RequireStateChangeAuthorization()
            .RequireJsonBody()
            .WithSummary("Add late labels")
            .WithDescription("Ground truth that arrived later, for predictions this service answered: a JSON array of {\"prediction_id\": \"…\", \"label\": 2} (or request_id, the client's key, in every row). Idempotent: the same label again is one label; a different one for the same prediction is a conflict, reported; unknown keys are reported with their count and the first few. Changes state: needs the service's token (Authorization: Bearer) or, without one, a loopback client.")
            .Accepts<LabelRequest[]>("application/json")
            .Produces<LabelReport>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithTags("labels");
    }

    private static async Task AddAsync(HttpContext context, IPredictionLog log, ServingOptions options, ProblemSchema problem)
    {
        var body = await RequestBody.ReadAsync(context.Request, options.MaxLabelBodyBytes, context.RequestAborted);
        (LabelKey Key, IReadOnlyList<ArrivedLabel> Labels)? read;
        InputError? error;
        try
        {
            (read, error) = body.TooLarge
                ? (null, new InputError(InputErrorKind.TooLarge, $"the request body is larger than {options.MaxLabelBodyBytes} bytes"))
                : Read(body.Buffer, problem);
        }
        finally
        {
            body.Release();
        }

        if (error is not null)
        {
            await Problems.For(error).ExecuteAsync(context);
            return;
        }

        var report = await log.Labels.AddAsync(read!.Value.Key, read.Value.Labels, options.Time.GetUtcNow(), context.RequestAborted);
        await Results.Json(report, MlopsJson.Compact).ExecuteAsync(context);
    }

    private static ((LabelKey, IReadOnlyList<ArrivedLabel>)?, InputError?) Read(System.Buffers.ReadOnlySequence<byte> buffer, ProblemSchema problem)
    {
        if (!JsonBodyText.IsUtf8(buffer))
        {
            return (null, JsonBodyText.NotUtf8);
        }

        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(buffer);
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException e)
        {
            return (null, new InputError(InputErrorKind.BadJson, $"malformed JSON: {e.Message.ReplaceLineEndings(" ")}"));
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return (null, new InputError(InputErrorKind.WrongType, "the request body must be a JSON array of {\"prediction_id\": …, \"label\": …} objects"));
            }

            LabelKey? key = null;
            var labels = new List<ArrivedLabel>();
            var index = 0;
            foreach (var row in document.RootElement.EnumerateArray())
            {
                InputError? rowError;
                ArrivedLabel? label;
                try
                {
                    rowError = ReadRow(row, index, problem, ref key, out label);
                }
                catch (InvalidOperationException)
                {
                    // Decoding a string with a lone surrogate escape: valid JSON, but no text.
                    rowError = new InputError(InputErrorKind.BadJson, $"row {index}: malformed JSON: {JsonBodyText.LoneSurrogate}", null, index);
                    label = null;
                }

                if (rowError is not null)
                {
                    return (null, rowError);
                }

                labels.Add(label!);
                index++;
            }

            return ((key ?? LabelKey.PredictionId, labels), null);
        }
    }

    private static InputError? ReadRow(JsonElement row, int index, ProblemSchema problem, ref LabelKey? key, out ArrivedLabel? label)
    {
        label = null;
        InputError Fail(InputErrorKind kind, string? field, string what) =>
            new(kind, field is null ? $"row {index}: {what}" : $"row {index}: field '{field}' {what}", field, index);

        if (row.ValueKind != JsonValueKind.Object)
        {
            return Fail(InputErrorKind.WrongType, null, "must be a JSON object");
        }

        var byId = row.TryGetProperty(LabelKey.PredictionId.Column(), out var id);
        var byClient = row.TryGetProperty(LabelKey.RequestId.Column(), out var client);
        if (byId == byClient)
        {
            return Fail(InputErrorKind.MissingField, LabelKey.PredictionId.Column(), "or 'request_id' must be given, exactly one of them");
        }

        var rowKey = byId ? LabelKey.PredictionId : LabelKey.RequestId;
        var field = rowKey.Column();
        key ??= rowKey;
        if (key != rowKey)
        {
            return Fail(InputErrorKind.InvalidValue, field, $"cannot be mixed: this request names its predictions by {key.Value.Column()}");
        }

        var value = byId ? id : client;
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!,
            JsonValueKind.Number when rowKey == LabelKey.RequestId && value.TryGetInt64(out var number) => number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => null,
        };
        if (text is null)
        {
            return Fail(InputErrorKind.WrongType, field, rowKey == LabelKey.PredictionId ? "must be a string (a UUID)" : "must be a string or an integer");
        }

        if (LabelValue.KeyProblem(rowKey, text) is { } badKey)
        {
            return Fail(InputErrorKind.InvalidValue, field, badKey);
        }

        if (!row.TryGetProperty("label", out var given))
        {
            return Fail(InputErrorKind.MissingField, "label", "is missing");
        }

        var labelText = given.ValueKind is JsonValueKind.String or JsonValueKind.Number ? given.ToString() : null;
        if (!LabelValue.TryParse(labelText, problem, out var group))
        {
            return Fail(InputErrorKind.InvalidValue, "label", $"is not a class: expected {LabelValue.Expected(problem)}");
        }

        label = new ArrivedLabel(text, group, $"index {index}");
        return null;
    }

    /// <summary>The documented shape of a row (OpenAPI only).</summary>
    internal sealed record LabelRequest(string? PredictionId, string? RequestId, string Label);
}
