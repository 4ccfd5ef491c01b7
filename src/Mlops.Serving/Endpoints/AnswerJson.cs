using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Mlops.Serving.Fallback;

namespace Mlops.Serving.Endpoints;

/// <summary>
/// Writes answers in the seed's shape: <c>{"category":2,"risk":"low","probabilities":[…],"source":"ML","model_version":"…"}</c>
/// (the class value, the class's display name under the problem's label name, see <see cref="AnswerClasses"/>),
/// plus <c>reason</c> and <c>feature</c> when the baseline answered, and the record's keys:
/// <c>prediction_id</c> always, <c>request_id</c> when the client sent one. Written by hand: this is the hot path.
/// </summary>
internal static class AnswerJson
{
    // One buffer and writer per thread, reused: the answer is copied into the response pipe before the
    // thread can take another request, so no allocation per answer.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _threadBuffer;

    [ThreadStatic]
    private static Utf8JsonWriter? _threadJson;

    /// <summary>The response header that carries the prediction id of <c>POST /predict</c>'s answer.</summary>
    public const string PredictionIdHeader = "Prediction-Id";

    public static ValueTask<FlushResult> WriteAsync(HttpResponse response, Answered answer)
    {
        var buffer = _threadBuffer ??= new ArrayBufferWriter<byte>(512);
        buffer.ResetWrittenCount();
        var json = _threadJson ??= new Utf8JsonWriter(buffer);
        json.Reset(buffer);
        Write(json, answer);
        json.Flush();
        response.Headers[PredictionIdHeader] = answer.PredictionId.ToString();
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = buffer.WrittenCount;

        // PipeWriter.WriteAsync copies the bytes synchronously, then flushes.
        return response.BodyWriter.WriteAsync(buffer.WrittenMemory);
    }

    public static Task WriteAllAsync(HttpResponse response, IReadOnlyList<Answered> answers)
    {
        var buffer = new ArrayBufferWriter<byte>(256 * Math.Max(1, answers.Count));
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var answer in answers)
            {
                Write(json, answer);
            }

            json.WriteEndArray();
        }

        return SendAsync(response, buffer);
    }

    private static void Write(Utf8JsonWriter json, Answered answered)
    {
        var (answer, model, predictionId, requestId) = answered;
        var classIndex = answer.Prediction.Class;
        json.WriteStartObject();
        model.Classes.WriteCategory(json, classIndex);
        model.Classes.WriteName(json, classIndex);
        json.WriteStartArray("probabilities"u8);
        foreach (var p in answer.Prediction.Probabilities)
        {
            json.WriteNumberValue(p);
        }

        json.WriteEndArray();
        json.WriteString("source"u8, answer.Source.Display());
        json.WriteString("model_version"u8, model.Version);
        if (answer.Reason is not null)
        {
            json.WriteString("reason"u8, answer.Reason);
        }

        if (answer.Feature is not null)
        {
            json.WriteString("feature"u8, answer.Feature);
        }

        json.WriteString("prediction_id"u8, predictionId);
        if (requestId is not null)
        {
            json.WriteString("request_id"u8, requestId);
        }

        json.WriteEndObject();
    }

    private static Task SendAsync(HttpResponse response, ArrayBufferWriter<byte> buffer)
    {
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = buffer.WrittenCount;
        return response.Body.WriteAsync(buffer.WrittenMemory).AsTask();
    }
}
