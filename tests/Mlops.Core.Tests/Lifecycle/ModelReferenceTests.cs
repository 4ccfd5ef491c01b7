using Mlops.Core.Lifecycle;
using Mlops.Core.Registry;
using Mlops.Testing;

namespace Mlops.Core.Tests.Lifecycle;

/// <summary>"Which model do you mean": one rule for serve, analyze and validate.</summary>
public sealed class ModelReferenceTests : IDisposable
{
    private readonly TemporaryDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("v3")]
    [InlineData("V12")]
    [InlineData("production")]
    [InlineData("1a2b3c")]
    public void Version_names_are_registry_versions(string text)
    {
        Assert.False(ModelReference.Parse(text).IsFolder);
    }

    [Theory]
    [InlineData("models/m1")]
    [InlineData("./classifier")]
    [InlineData("../elsewhere")]
    public void A_path_that_is_not_there_is_still_a_folder(string text)
    {
        var reference = ModelReference.Parse(text);

        Assert.True(reference.IsFolder);
        Assert.Equal(text, reference.Text);
    }

    [Fact]
    public void An_existing_folder_wins_over_a_version_of_the_same_name()
    {
        var folder = _temp.File("v3");
        Directory.CreateDirectory(folder);

        Assert.True(ModelReference.Parse(folder).IsFolder);
    }

    [Fact]
    public void A_name_that_is_neither_is_one_error_naming_both_readings()
    {
        var error = Assert.Throws<InvalidInputException>(() => ModelReference.Parse("latest"));

        Assert.Equal("latest: no such model folder, and not a registry version (vN, 4+ hex digits of the artifact hash, or 'production' / 'production:NAME')", error.Message);
    }

    [Fact]
    public void Looking_a_version_up_never_creates_a_registry()
    {
        var home = _temp.File("no-registry");

        var error = Assert.Throws<InvalidInputException>(() => ModelReference.Parse("v1").Load(new RegistryLocation(home)));

        Assert.StartsWith($"v1: no such model folder, and no registry at {home}", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(home));
    }
}
