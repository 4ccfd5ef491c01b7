using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Mlops.Serving.Input;
using Mlops.Serving.Metrics;

namespace Mlops.Serving.Endpoints;

/// <summary><c>POST /predict</c> and <c>POST /predict/batch</c>: parse by hand, answer or explain what is wrong.</summary>
internal static class PredictEndpoints
{
    public static void Map(IEndpointRouteBuilder app, PredictionService service, ServingMetrics metrics, ServingOptions options)
    {
        Func<HttpContext, Task> predict = async context =>
            {
                var body = await RequestBody.ReadAsync(context.Request, options.MaxBodyBytes, context.RequestAborted);
                InputResult<Core.Data.InsuranceFeatures> input;
                try
                {
                    input = body.TooLarge
                        ? InputResult.Fail<Core.Data.InsuranceFeatures>(TooLarge(options.MaxBodyBytes))
                        : PredictionRequestReader.ReadOne(body.Buffer);
                }
                finally
                {
                    body.Release();
                }

                if (input.Error is { } error)
                {
                    metrics.Rejected(error.Kind);
                    await Problems.For(error).ExecuteAsync(context);
                    return;
                }

                var (answer, model) = service.Answer(input.Value!);
                await AnswerJson.WriteAsync(context.Response, answer, model);
            };
        app.MapPost("/predict", predict)
            .WithSummary("Predict one customer")
            .WithDescription("The risk class of one customer. The rule-based baseline answers instead of the model for an input outside the model's training ranges ('baseline - out of range', naming the feature) or a top probability below the threshold ('baseline - low probability'). Bad input gets RFC 7807 problem details naming the field.")
            .Accepts<PredictRequest>("application/json")
            .Produces<PredictResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithTags("prediction");

        Func<HttpContext, Task> predictBatch = async context =>
            {
                var body = await RequestBody.ReadAsync(context.Request, options.MaxBatchBodyBytes, context.RequestAborted);
                InputResult<IReadOnlyList<Core.Data.InsuranceFeatures>> input;
                try
                {
                    input = body.TooLarge
                        ? InputResult.Fail<IReadOnlyList<Core.Data.InsuranceFeatures>>(TooLarge(options.MaxBatchBodyBytes))
                        : PredictionRequestReader.ReadBatch(body.Buffer, options.MaxBatchRows);
                }
                finally
                {
                    body.Release();
                }

                if (input.Error is { } error)
                {
                    metrics.Rejected(error.Kind);
                    await Problems.For(error).ExecuteAsync(context);
                    return;
                }

                var (answers, model) = service.AnswerAll(input.Value!);
                await AnswerJson.WriteAllAsync(context.Response, answers, model);
            };
        app.MapPost("/predict/batch", predictBatch)
            .WithSummary("Predict a batch")
            .WithDescription($"Many customers at once: a JSON array of request objects (at most {options.MaxBatchRows}), answered in order. The whole batch is refused if one row is bad, naming its index and field.")
            .Accepts<PredictRequest[]>("application/json")
            .Produces<PredictResponse[]>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithTags("prediction");
    }

    private static InputError TooLarge(long limit) =>
        new(InputErrorKind.TooLarge, $"the request body is larger than {limit} bytes");
}
