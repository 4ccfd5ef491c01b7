using Mlops.Core.Models;
using Mlops.Core.Registry;
using Mlops.Core.Validation;

namespace Mlops.Core.Lifecycle;

/// <summary>What <see cref="ModelLifecycle.TrainToProduction"/> did.</summary>
/// <param name="Card">The saved model's card.</param>
/// <param name="TrainingTime">How long training and saving took.</param>
/// <param name="Version">The registered version.</param>
/// <param name="Validation">Its validation on the training data, as recorded.</param>
/// <param name="Promotion">The gate's answer.</param>
public sealed record LifecycleResult(ModelCard Card, TimeSpan TrainingTime, string Version, ValidationReport Validation, PromotionResult Promotion);
