using Mlops.Core.Registry;
using Mlops.Testing;

namespace Mlops.Core.Tests.Registry;

/// <summary>The two places a registry lives: one suite runs against both.</summary>
public enum RegistryBackend
{
    /// <summary>The embedded default: SQLite catalog and files in the home folder.</summary>
    Sqlite,

    /// <summary>Catalog and content in PostgreSQL (a scratch schema of <c>MLOPS_TEST_POSTGRES</c>), the home folder a local cache.</summary>
    Postgres,
}

/// <summary>A fresh registry in a temp folder (and a fresh PostgreSQL schema), with a manual clock and a fixed user, per test.</summary>
public abstract class RegistryTestBase : IDisposable
{
    private readonly PostgresScratchSchema? _postgres;

    protected RegistryTestBase(RegistryBackend backend = RegistryBackend.Sqlite)
    {
        Temp = new TemporaryDirectory("mlops-registry");
        Home = Temp.File("home");
        _postgres = backend == RegistryBackend.Postgres ? new PostgresScratchSchema() : null;
        Location = new RegistryLocation(Home, _postgres?.ConnectionString);
        Registry = ModelRegistry.Open(Location, Clock, "alice");
    }

    /// <summary>Where this test's registry lives: open it again from here to act as another process.</summary>
    protected RegistryLocation Location { get; }

    /// <summary>The PostgreSQL schema of a <see cref="RegistryBackend.Postgres"/> test.</summary>
    protected PostgresScratchSchema Postgres => _postgres ?? throw new InvalidOperationException("not a PostgreSQL test");

    internal ManualClock Clock { get; } = new(new DateTimeOffset(2024, 6, 1, 9, 0, 0, TimeSpan.Zero));

    protected TemporaryDirectory Temp { get; }

    protected string Home { get; }

    protected ModelRegistry Registry { get; }

    /// <summary>Registers a fresh model folder made with <paramref name="seed"/>.</summary>
    protected ModelVersion Add(int seed, string? trainingSha = null, string? problem = null)
    {
        var folder = RegistryFixtures.ModelFolder(Temp.File("models"), $"model-{seed}", seed, trainingSha ?? RegistryFixtures.TrainingSha, problem);
        return Registry.Register(folder).Model;
    }

    /// <summary>Registers a model (of <paramref name="problem"/>; null: an insurance model) and records a passing validation on it.</summary>
    protected ModelVersion AddValidated(int seed, string? problem = null)
    {
        var model = Add(seed, problem: problem);
        Registry.RecordValidation(model.Version, RegistryFixtures.Passing());
        return model;
    }

    public void Dispose()
    {
        _postgres?.Dispose();
        Temp.Dispose();
        GC.SuppressFinalize(this);
    }
}
