using Mlops.Core.Registry;
using Mlops.Testing;

namespace Mlops.Core.Tests.Registry;

/// <summary>A fresh registry in a temp folder, with a manual clock and a fixed user, per test.</summary>
public abstract class RegistryTestBase : IDisposable
{
    protected RegistryTestBase()
    {
        Temp = new TemporaryDirectory("mlops-registry");
        Home = Temp.File("home");
        Registry = ModelRegistry.Open(Home, Clock, "alice");
    }

    internal ManualClock Clock { get; } = new(new DateTimeOffset(2024, 6, 1, 9, 0, 0, TimeSpan.Zero));

    protected TemporaryDirectory Temp { get; }

    protected string Home { get; }

    protected ModelRegistry Registry { get; }

    /// <summary>Registers a fresh model folder made with <paramref name="seed"/>.</summary>
    protected ModelVersion Add(int seed, string? trainingSha = null)
    {
        var folder = RegistryFixtures.ModelFolder(Temp.File("models"), $"model-{seed}", seed, trainingSha ?? RegistryFixtures.TrainingSha);
        return Registry.Register(folder).Model;
    }

    /// <summary>Registers a model and records a passing validation on it.</summary>
    protected ModelVersion AddValidated(int seed)
    {
        var model = Add(seed);
        Registry.RecordValidation(model.Version, RegistryFixtures.Passing());
        return model;
    }

    public void Dispose()
    {
        Temp.Dispose();
        GC.SuppressFinalize(this);
    }
}
