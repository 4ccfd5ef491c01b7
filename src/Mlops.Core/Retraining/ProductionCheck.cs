using Mlops.Core.Registry;
using Mlops.Core.Validation;

namespace Mlops.Core.Retraining;

/// <summary>The production model and its validation on newly labeled data: the first act of the retraining loop.</summary>
public sealed record ProductionCheck(ProductionModel Production, ValidationReport Report)
{
    public string Version => Production.Model.Version;
}
