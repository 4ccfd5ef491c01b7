using Mlops.Core.Models;

namespace Mlops.Serving.Models;

/// <summary>
/// Loads the trained model in a model folder (<c>model.json</c> plus the ML.NET model) with every
/// loader's checks; throws on a bad folder. The CLI wires <see cref="ModelDirectory.Load"/> in, with its
/// warnings on stderr.
/// </summary>
public delegate TrainedModel ModelFolderLoader(string folder);
