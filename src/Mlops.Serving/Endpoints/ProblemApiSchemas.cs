using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Mlops.Core.Problems;
using Mlops.Serving.Models;

namespace Mlops.Serving.Endpoints;

/// <summary>
/// Writes the served problem into the OpenAPI document: the request's properties are its features (kind,
/// validity bounds, categories, aliases, whether a missing value is allowed), and the answer names its
/// classes (<c>category</c>'s values and the class-name field, e.g. the talk's <c>risk</c>); the problem
/// file's examples are the request's examples.
/// </summary>
internal sealed class ProblemApiSchemas : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (type != typeof(PredictRequest) && type != typeof(PredictResponse))
        {
            return Task.CompletedTask;
        }

        var problem = context.ApplicationServices.GetRequiredService<ModelHolder>().Current.Problem;
        if (type == typeof(PredictRequest))
        {
            Request(schema, problem);
        }
        else
        {
            Response(schema, problem);
        }

        return Task.CompletedTask;
    }

    private static void Request(OpenApiSchema schema, ProblemSchema problem)
    {
        schema.Type = JsonSchemaType.Object;
        schema.Description = $"One row of the problem '{problem.Name}': {problem.Features.Count} features. {problem.Description}".TrimEnd();
        schema.Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        schema.Required = new HashSet<string>(StringComparer.Ordinal);
        foreach (var feature in problem.Features)
        {
            schema.Properties[feature.Name] = Feature(feature);
            if (feature.Missing == MissingValuePolicy.Reject)
            {
                schema.Required.Add(feature.Name);
            }
        }

        schema.Properties["request_id"] = new OpenApiSchema
        {
            Type = JsonSchemaType.String | JsonSchemaType.Integer | JsonSchemaType.Null,
            Description = "Optional: the client's own key for the row, logged with the prediction.",
        };

        // The problem file's examples (the client page's presets): a request the reference can send as it is.
        if (problem.Examples is { Count: > 0 } examples)
        {
            schema.Examples = [.. examples.Select(e => (JsonNode)JsonSerializer.SerializeToNode(e.Values)!)];
        }
    }

    private static OpenApiSchema Feature(FeatureDefinition feature)
    {
        var notes = new List<string>();
        if (feature.Description is { } description)
        {
            notes.Add(description);
        }

        if (feature.Aliases is { Count: > 0 } aliases)
        {
            notes.Add($"also read as {string.Join(", ", aliases)}");
        }

        notes.Add(feature.Missing == MissingValuePolicy.Impute ? "may be missing (null or absent): imputed from the training data" : "required");
        var schema = new OpenApiSchema();
        switch (feature.Kind)
        {
            case FeatureType.Binary:
                schema.Type = JsonSchemaType.Integer;
                schema.Enum = [JsonValue.Create(0), JsonValue.Create(1)];
                notes.Add("binary: 0 or 1 (true/false accepted)");
                break;
            case FeatureType.Categorical:
                var categories = feature.Categories ?? [];
                schema.Type = categories.All(c => c.IsInteger) ? JsonSchemaType.Integer : JsonSchemaType.String;
                schema.Enum = [.. categories.Select(c => c.IsInteger ? (JsonNode)JsonValue.Create(long.Parse(c.Text, CultureInfo.InvariantCulture)) : JsonValue.Create(c.Text))];
                notes.Add("categorical: one of the listed categories");
                break;
            default:
                schema.Type = JsonSchemaType.Number;
                if (feature.Valid is { } valid)
                {
                    schema.Minimum = Number(valid.AtLeast);
                    schema.ExclusiveMinimum = Number(valid.Above);
                    schema.Maximum = Number(valid.AtMost);
                    schema.ExclusiveMaximum = Number(valid.Below);
                    notes.Add($"numeric, valid {valid}");
                }
                else
                {
                    notes.Add("numeric");
                }

                break;
        }

        if (feature.Missing == MissingValuePolicy.Impute)
        {
            schema.Type |= JsonSchemaType.Null;
        }

        schema.Description = string.Join("; ", notes) + ".";
        return schema;
    }

    private static void Response(OpenApiSchema schema, ProblemSchema problem)
    {
        var classes = problem.Label.Classes;
        schema.Properties ??= new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        var numbered = classes.All(c => c.Value.IsInteger);
        schema.Properties["category"] = new OpenApiSchema
        {
            Type = numbered ? JsonSchemaType.Integer : JsonSchemaType.String,
            Enum = [.. classes.Select(c => c.Value.IsInteger ? (JsonNode)JsonValue.Create(long.Parse(c.Value.Text, CultureInfo.InvariantCulture)) : JsonValue.Create(c.Value.Text))],
            Description = $"The class as the data's '{problem.Label.Column}' column writes it: {string.Join(", ", classes.Select(c => $"{c.Value} = {c.Name}"))}.",
        };
        schema.Properties[problem.Label.AnswerName] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Enum = [.. classes.Select(c => (JsonNode)JsonValue.Create(c.Name))],
            Description = $"The class's name: {string.Join(", ", classes.Select(c => c.Name))}.",
        };
        if (schema.Properties.TryGetValue("probabilities", out var probabilities) && probabilities is OpenApiSchema p)
        {
            p.Description = $"Probability of {string.Join(", ", classes.Select(c => c.Name))}; one-hot when the fallback rules answered.";
        }
    }

    private static string? Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture);
}
