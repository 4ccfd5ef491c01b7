using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Mlops.Hosting.Input;
using Mlops.Serving.Input;
using Mlops.Serving.Metrics;

namespace Mlops.Serving.Endpoints;

/// <summary><c>POST /predict</c> and <c>POST /predict/batch</c>: read the body by hand, answer, or say what is wrong.</summary>
internal sealed class PredictEndpoints(PredictionService service, ServingMetrics metrics, ServingOptions options)
{
    public static void Map(IEndpointRouteBuilder app, PredictionService service, ServingMetrics metrics, ServingOptions options)
    {
        var endpoints = new PredictEndpoints(service, metrics, options);

        // Typed as Func rather than RequestDelegate so the OpenAPI metadata below applies.
        app.MapPost("/predict", (Func<HttpContext, Task>)endpoints.PredictAsync)
            .WithSummary("Predict one row")
            .WithDescription("The class of one row of the served problem's features. Every answer carries its prediction_id (also the Prediction-Id header), the key a late label names; an optional request_id, the client's own key, is logged with it. The problem's fallback rules answer instead of the model for an input outside what the model saw in training ('baseline - out of range', naming the feature: a number outside the training range, a category never seen) or a top probability below the threshold ('baseline - low probability'). Bad input gets RFC 7807 problem details naming the field.")
            .Accepts<PredictRequest>("application/json")
            .RequireJsonBody()
            .Produces<PredictResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithTags("prediction");

        app.MapPost("/predict/batch", (Func<HttpContext, Task>)endpoints.PredictBatchAsync)
            .WithSummary("Predict a batch")
            .WithDescription($"Many rows at once: a JSON array of request objects (at most {options.MaxBatchRows}), answered in order. The whole batch is refused if one row is bad, naming its index and field. Each answer carries its prediction_id.")
            .Accepts<PredictRequest[]>("application/json")
            .RequireJsonBody()
            .Produces<PredictResponse[]>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithTags("prediction");
    }

    private async Task PredictAsync(HttpContext context)
    {
        var body = await RequestBody.ReadAsync(context.Request, options.MaxBodyBytes, context.RequestAborted);

        // One snapshot for the whole request: the body is read for the problem of the model that answers it.
        var served = service.Models.Current;
        InputResult<PredictionRequest> input;
        try
        {
            input = body.TooLarge
                ? InputResult.Fail<PredictionRequest>(TooLarge(options.MaxBodyBytes))
                : served.Reader.ReadOne(body.Buffer);
        }
        finally
        {
            body.Release();
        }

        if (input.Error is { } error)
        {
            await RejectAsync(context, error);
            return;
        }

        if (await service.AnswerAsync(input.Value!, served) is { } answer)
        {
            await AnswerJson.WriteAsync(context.Response, answer);
        }
        else
        {
            await Problems.Unrecorded(options.PredictionLogCommitTimeout).ExecuteAsync(context);
        }
    }

    private async Task PredictBatchAsync(HttpContext context)
    {
        var body = await RequestBody.ReadAsync(context.Request, options.MaxBatchBodyBytes, context.RequestAborted);
        var served = service.Models.Current;
        InputResult<IReadOnlyList<PredictionRequest>> input;
        try
        {
            input = body.TooLarge
                ? InputResult.Fail<IReadOnlyList<PredictionRequest>>(TooLarge(options.MaxBatchBodyBytes))
                : served.Reader.ReadBatch(body.Buffer, options.MaxBatchRows);
        }
        finally
        {
            body.Release();
        }

        if (input.Error is { } error)
        {
            await RejectAsync(context, error);
            return;
        }

        if (await service.AnswerAllAsync(input.Value!, served) is { } answers)
        {
            await AnswerJson.WriteAllAsync(context.Response, answers);
        }
        else
        {
            await Problems.Unrecorded(options.PredictionLogCommitTimeout).ExecuteAsync(context);
        }
    }

    private Task RejectAsync(HttpContext context, InputError error)
    {
        metrics.Rejected(error.Kind);
        return Problems.For(error).ExecuteAsync(context);
    }

    private static InputError TooLarge(long limit) =>
        new(InputErrorKind.TooLarge, $"the request body is larger than {limit} bytes");
}
