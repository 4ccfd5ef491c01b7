using Mlops.Core.Models;
using Mlops.Core.Registry;

namespace Mlops.Core.Tests.Registry;

/// <summary>The registry reads cards with the loaders' checks: what serve would refuse is never registered.</summary>
public abstract class RegistryCardCheckTests(RegistryBackend backend) : RegistryTestBase(backend)
{
    [Fact]
    public void A_card_for_other_features_is_refused_as_every_loader_refuses_it()
    {
        var folder = RegistryFixtures.ModelFolder(Temp.Path, "kilometres", seed: 1);
        var card = ModelCardFile.Read(folder);
        // Written by hand: ModelCardFile.Read would refuse to give such a card back.
        ModelCardFile.Write(folder, card with { Features = ["training", "age", "emergency_braking", "braking_distance", "power", "kilometres"] });

        var error = Assert.Throws<InvalidModelFolderException>(() => Registry.Register(folder));

        Assert.Contains("the model was trained on the features [training, age, emergency_braking, braking_distance, power, kilometres]", error.Message, StringComparison.Ordinal);
        Assert.Empty(Registry.List());
    }

    [Fact]
    public void A_model_file_that_is_not_the_one_its_card_pins_is_refused()
    {
        var folder = RegistryFixtures.ModelFolder(Temp.Path, "swapped", seed: 2);
        ModelCardFile.Write(folder, ModelCardFile.Read(folder) with { ModelSha256 = new string('0', 64) });

        var error = Assert.Throws<InvalidModelFolderException>(() => Registry.Register(folder));

        Assert.Contains("model.zip: not the model its card describes", error.Message, StringComparison.Ordinal);
        Assert.Empty(Registry.List());
    }

    [Fact]
    public void A_card_of_another_format_version_is_refused()
    {
        var folder = RegistryFixtures.ModelFolder(Temp.Path, "future", seed: 3);
        ModelCardFile.Write(folder, ModelCardFile.Read(folder) with { FormatVersion = 2 });

        var error = Assert.Throws<InvalidModelFolderException>(() => Registry.Register(folder));

        Assert.Contains("model card format version 2 is not supported", error.Message, StringComparison.Ordinal);
    }
}

public sealed class RegistryCardCheckTestsOnSqlite() : RegistryCardCheckTests(RegistryBackend.Sqlite);

public sealed class RegistryCardCheckTestsOnPostgres() : RegistryCardCheckTests(RegistryBackend.Postgres);
