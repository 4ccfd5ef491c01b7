using Microsoft.ML;

namespace Mlops.Core.Training;

/// <summary>A classifier backed by an ML.NET transformer: what <see cref="Models.ModelDirectory.Save"/> writes as <c>model.zip</c>.</summary>
public interface IMlNetModel : Models.IClassifier, IDisposable
{
    /// <summary>The fitted pipeline, feature engineering included.</summary>
    ITransformer Transformer { get; }

    /// <summary>The input columns the pipeline reads.</summary>
    DataViewSchema InputSchema { get; }
}
