using Mlops.Core.Models;

namespace Mlops.Serving.Models;

/// <summary>A trained model loaded from its folder: the predictor and its card.</summary>
public sealed record LoadedModel(IRiskModel Model, ModelCard Card);

/// <summary>Loads the trained model in a model folder (<c>model.json</c> plus the ML.NET model); throws on a bad folder.</summary>
public delegate LoadedModel ModelFolderLoader(string folder);
