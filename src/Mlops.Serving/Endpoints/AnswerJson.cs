using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Mlops.Core.Data;
using Mlops.Serving.Fallback;
using Mlops.Serving.Models;

namespace Mlops.Serving.Endpoints;

/// <summary>
/// Writes answers in the seed's shape: <c>{"category":2,"risk":"low","probabilities":[…],"source":"ML","model_version":"…"}</c>,
/// plus <c>reason</c> and <c>feature</c> when the baseline answered. Written by hand: this is the hot path.
/// </summary>
internal static class AnswerJson
{
    // One buffer and writer per thread, reused: the answer is copied into the response pipe before the
    // thread can take another request, so no allocation per answer.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _threadBuffer;

    [ThreadStatic]
    private static Utf8JsonWriter? _threadJson;

    public static ValueTask<FlushResult> WriteAsync(HttpResponse response, RiskAnswer answer, ServedModel model)
    {
        var buffer = _threadBuffer ??= new ArrayBufferWriter<byte>(512);
        buffer.ResetWrittenCount();
        var json = _threadJson ??= new Utf8JsonWriter(buffer);
        json.Reset(buffer);
        Write(json, answer, model);
        json.Flush();
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = buffer.WrittenCount;

        // PipeWriter.WriteAsync copies the bytes synchronously, then flushes.
        return response.BodyWriter.WriteAsync(buffer.WrittenMemory);
    }

    public static Task WriteAllAsync(HttpResponse response, IReadOnlyList<RiskAnswer> answers, ServedModel model)
    {
        var buffer = new ArrayBufferWriter<byte>(256 * Math.Max(1, answers.Count));
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var answer in answers)
            {
                Write(json, answer, model);
            }

            json.WriteEndArray();
        }

        return SendAsync(response, buffer);
    }

    private static void Write(Utf8JsonWriter json, RiskAnswer answer, ServedModel model)
    {
        var group = answer.Prediction.Group;
        json.WriteStartObject();
        json.WriteNumber("category"u8, (int)group);
        json.WriteString("risk"u8, group.Name());
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

        json.WriteEndObject();
    }

    private static Task SendAsync(HttpResponse response, ArrayBufferWriter<byte> buffer)
    {
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = buffer.WrittenCount;
        return response.Body.WriteAsync(buffer.WrittenMemory).AsTask();
    }
}
