using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Mlops.Core.Data;
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
            .WithSummary("Predict one customer")
            .WithDescription("The risk class of one customer. The rule-based baseline answers instead of the model for an input outside the model's training ranges ('baseline - out of range', naming the feature) or a top probability below the threshold ('baseline - low probability'). Bad input gets RFC 7807 problem details naming the field.")
            .Accepts<PredictRequest>("application/json")
            .RequireJsonBody()
            .Produces<PredictResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithTags("prediction");

        app.MapPost("/predict/batch", (Func<HttpContext, Task>)endpoints.PredictBatchAsync)
            .WithSummary("Predict a batch")
            .WithDescription($"Many customers at once: a JSON array of request objects (at most {options.MaxBatchRows}), answered in order. The whole batch is refused if one row is bad, naming its index and field.")
            .Accepts<PredictRequest[]>("application/json")
            .RequireJsonBody()
            .Produces<PredictResponse[]>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithTags("prediction");
    }

    private async Task PredictAsync(HttpContext context)
    {
        var body = await RequestBody.ReadAsync(context.Request, options.MaxBodyBytes, context.RequestAborted);
        InputResult<InsuranceFeatures> input;
        try
        {
            input = body.TooLarge
                ? InputResult.Fail<InsuranceFeatures>(TooLarge(options.MaxBodyBytes))
                : PredictionRequestReader.ReadOne(body.Buffer);
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

        var (answer, model) = service.Answer(input.Value!);
        await AnswerJson.WriteAsync(context.Response, answer, model);
    }

    private async Task PredictBatchAsync(HttpContext context)
    {
        var body = await RequestBody.ReadAsync(context.Request, options.MaxBatchBodyBytes, context.RequestAborted);
        InputResult<IReadOnlyList<InsuranceFeatures>> input;
        try
        {
            input = body.TooLarge
                ? InputResult.Fail<IReadOnlyList<InsuranceFeatures>>(TooLarge(options.MaxBatchBodyBytes))
                : PredictionRequestReader.ReadBatch(body.Buffer, options.MaxBatchRows);
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

        var (answers, model) = service.AnswerAll(input.Value!);
        await AnswerJson.WriteAllAsync(context.Response, answers, model);
    }

    private Task RejectAsync(HttpContext context, InputError error)
    {
        metrics.Rejected(error.Kind);
        return Problems.For(error).ExecuteAsync(context);
    }

    private static InputError TooLarge(long limit) =>
        new(InputErrorKind.TooLarge, $"the request body is larger than {limit} bytes");
}
