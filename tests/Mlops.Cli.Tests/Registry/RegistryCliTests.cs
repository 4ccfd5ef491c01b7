using Mlops.Core.Data;
using Mlops.Core.Registry;
using Mlops.Testing;

namespace Mlops.Cli.Tests.Registry;

public sealed class RegistryCliTests : IDisposable
{
    private readonly RegistrySandbox _sandbox = new();
    private readonly string _referenceSha = ContentHash.OfFile(RepositoryPaths.SeedMonth(0));

    [Fact]
    public async Task Data_add_twice_stores_the_file_once_under_its_hash()
    {
        var (first, firstJson) = await _sandbox.RunJsonAsync("data", "add", RepositoryPaths.SeedMonth(0));
        var second = await _sandbox.RunAsync("data", "add", RepositoryPaths.SeedMonth(0));

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.False(firstJson.GetProperty("already_registered").GetBoolean());
        Assert.Equal(_referenceSha, firstJson.GetProperty("dataset").GetProperty("sha256").GetString());
        Assert.Equal(1500, firstJson.GetProperty("dataset").GetProperty("rows").GetInt32());
        Assert.Equal(7, firstJson.GetProperty("dataset").GetProperty("statistics").GetProperty("columns").GetArrayLength());
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("already registered", RegistrySandbox.Flat(second.StandardOutput), StringComparison.Ordinal);
        Assert.Equal([_referenceSha + ".csv"], Directory.GetFiles(Path.Combine(_sandbox.Home, "datasets")).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Data_add_of_a_bad_file_is_a_one_line_error_with_exit_code_2()
    {
        var bad = _sandbox.Path("bad.csv");
        await File.WriteAllTextAsync(bad, "age,power\n30,100\n");

        var result = await _sandbox.RunAsync("data", "add", bad);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("mlops: error: ", result.StandardError, StringComparison.Ordinal);
        Assert.Single(result.StandardError.Trim().Split('\n'));
    }

    [Fact]
    public async Task Registry_add_twice_stores_one_artifact_and_says_it_is_the_same_version()
    {
        var folder = _sandbox.ModelFolder(1, _referenceSha);

        var (first, json) = await _sandbox.RunJsonAsync("registry", "add", folder);
        var second = await _sandbox.RunAsync("registry", "add", folder);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal("v1", json.GetProperty("model").GetProperty("version").GetString());
        Assert.Equal("candidate", json.GetProperty("model").GetProperty("stage").GetString());
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("already registered", RegistrySandbox.Flat(second.StandardOutput), StringComparison.Ordinal);
        Assert.Contains("v1", RegistrySandbox.Flat(second.StandardOutput), StringComparison.Ordinal);
        Assert.Contains("stored once", RegistrySandbox.Flat(second.StandardOutput), StringComparison.Ordinal);
        Assert.Single(Directory.GetDirectories(Path.Combine(_sandbox.Home, "artifacts")));
    }

    [Fact]
    public async Task Registry_add_of_a_folder_without_model_json_is_exit_code_2()
    {
        var folder = _sandbox.Path("empty-model");
        Directory.CreateDirectory(folder);

        var result = await _sandbox.RunAsync("registry", "add", folder);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no model.json", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registry_add_of_a_folder_with_a_symbolic_link_is_one_line_and_exit_code_2()
    {
        var folder = _sandbox.ModelFolder(1, _referenceSha);
        File.CreateSymbolicLink(System.IO.Path.Combine(folder, "extra.bin"), "/etc/passwd");

        var result = await _sandbox.RunAsync("registry", "add", folder);

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.StandardError.Trim().Split('\n'));
        Assert.Contains("extra.bin is a symbolic link (to '/etc/passwd'); a model folder holds regular files only", result.StandardError, StringComparison.Ordinal);
        Assert.False(Directory.Exists(System.IO.Path.Combine(_sandbox.Home, "artifacts")) && Directory.EnumerateDirectories(System.IO.Path.Combine(_sandbox.Home, "artifacts")).Any());
    }

    [Fact]
    public async Task Promoting_a_failing_model_is_refused_with_the_failed_checks_listed()
    {
        await _sandbox.RunAsync("registry", "add", _sandbox.ModelFolder(1, _referenceSha));
        _sandbox.Open().RecordValidation("v1", RegistrySandbox.Report(_referenceSha, "month-12.csv", passed: false));

        var refused = await _sandbox.RunAsync("registry", "promote", "v1");
        var (refusedJson, json) = await _sandbox.RunJsonAsync("registry", "promote", "v1");

        Assert.True(refused.ExitCode == 1, refused.ToString());
        Assert.Contains("refused", RegistrySandbox.Flat(refused.StandardOutput), StringComparison.Ordinal);
        Assert.Contains("failed 2 of 3 checks", RegistrySandbox.Flat(refused.StandardOutput), StringComparison.Ordinal);
        Assert.Contains("test_accuracy_min", RegistrySandbox.Flat(refused.StandardOutput), StringComparison.Ordinal);
        Assert.Contains("0.612", RegistrySandbox.Flat(refused.StandardOutput), StringComparison.Ordinal);
        Assert.Contains("> 0.85", RegistrySandbox.Flat(refused.StandardOutput), StringComparison.Ordinal);
        Assert.Contains("certainty_min", RegistrySandbox.Flat(refused.StandardOutput), StringComparison.Ordinal);
        Assert.DoesNotContain("accuracy_spread", RegistrySandbox.Flat(refused.StandardOutput), StringComparison.Ordinal);
        Assert.Equal(1, refusedJson.ExitCode);
        Assert.Equal("refused", json.GetProperty("outcome").GetString());
        Assert.Equal(
            ["test_accuracy_min", "certainty_min"],
            json.GetProperty("gate").GetProperty("failed_checks").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.Equal(ModelStage.Candidate, _sandbox.Open().Get("v1").Stage);
    }

    [Fact]
    public async Task Promoting_a_model_never_validated_is_refused()
    {
        await _sandbox.RunAsync("registry", "add", _sandbox.ModelFolder(1, _referenceSha));

        var result = await _sandbox.RunAsync("registry", "promote", "v1");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("never validated", RegistrySandbox.Flat(result.StandardOutput), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forced_promotion_needs_a_reason_and_the_reason_is_in_the_history()
    {
        await _sandbox.RunAsync("registry", "add", _sandbox.ModelFolder(1, _referenceSha));
        _sandbox.Open().RecordValidation("v1", RegistrySandbox.Report(_referenceSha, "month-12.csv", passed: false));

        var noReason = await _sandbox.RunAsync("registry", "promote", "v1", "--force");
        var forced = await _sandbox.RunAsync("registry", "promote", "v1", "--force", "--reason", "customer demo, accepted by risk team");
        var (_, lineage) = await _sandbox.RunJsonAsync("registry", "show", "v1");

        Assert.Equal(2, noReason.ExitCode);
        Assert.Contains("--force needs --reason", noReason.StandardError, StringComparison.Ordinal);
        Assert.True(forced.ExitCode == 0, forced.ToString());
        Assert.Contains("forced", RegistrySandbox.Flat(forced.StandardOutput), StringComparison.Ordinal);
        var last = lineage.GetProperty("history").EnumerateArray().Last();
        Assert.Equal("forced_promotion", last.GetProperty("action").GetString());
        Assert.Equal("customer demo, accepted by risk team", last.GetProperty("reason").GetString());
        Assert.Equal(Environment.UserName, last.GetProperty("user").GetString());
        Assert.True(last.GetProperty("at").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));
    }

    [Fact]
    public async Task Promote_and_rollback_round_trip()
    {
        await AddValidatedAsync(1);
        await AddValidatedAsync(2);

        Assert.Equal(0, (await _sandbox.RunAsync("registry", "promote", "v1")).ExitCode);
        var second = await _sandbox.RunAsync("registry", "promote", "v2");
        var rollback = await _sandbox.RunAsync("registry", "rollback", "--reason", "latency regression");
        var (_, listing) = await _sandbox.RunJsonAsync("registry", "list");
        var again = await _sandbox.RunAsync("registry", "rollback");

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("promoted v2 to production (v1 archived)", RegistrySandbox.Flat(second.StandardOutput), StringComparison.Ordinal);
        Assert.True(rollback.ExitCode == 0, rollback.ToString());
        Assert.Contains("v1 is in production again, v2 archived", RegistrySandbox.Flat(rollback.StandardOutput), StringComparison.Ordinal);
        Assert.Equal(3, listing.GetProperty("production_revision").GetInt64());
        Assert.Equal(3, listing.GetProperty("production_revisions").GetProperty("insurance").GetInt64());
        Assert.All(listing.GetProperty("models").EnumerateArray(), m => Assert.Equal("insurance", m.GetProperty("problem").GetString()));
        Assert.Equal(
            ["v1:production", "v2:archived"],
            listing.GetProperty("models").EnumerateArray().Select(m => $"{m.GetProperty("version").GetString()}:{m.GetProperty("stage").GetString()}"));
        Assert.Equal(2, again.ExitCode);
        Assert.Equal(
            "mlops: error: cannot roll back: v1 is the first production model, there is no previous production model to restore",
            again.StandardError.Trim());
    }

    [Fact]
    public async Task Show_prints_the_lineage_of_each_version()
    {
        await _sandbox.RunAsync("data", "add", RepositoryPaths.SeedMonth(0));
        var month12 = ContentHash.OfFile(RepositoryPaths.SeedMonth(12));
        await AddValidatedAsync(1);
        await _sandbox.RunAsync("registry", "add", _sandbox.ModelFolder(2, month12, "month-12.csv"));
        _sandbox.Open().RecordValidation("v2", RegistrySandbox.Report(month12, "month-12.csv", passed: false));

        var v1 = await _sandbox.RunAsync("registry", "show", "v1");
        var (v2Result, v2) = await _sandbox.RunJsonAsync("registry", "show", "v2");

        Assert.True(v1.ExitCode == 0, v1.ToString());
        Assert.Contains(_referenceSha, RegistrySandbox.Flat(v1.StandardOutput), StringComparison.Ordinal);
        Assert.Contains("registered yes, as reference.csv (1500 rows", RegistrySandbox.Flat(v1.StandardOutput), StringComparison.Ordinal);
        Assert.Contains("emergency_braking", RegistrySandbox.Flat(v1.StandardOutput), StringComparison.Ordinal);
        Assert.Contains("leaves = 31", RegistrySandbox.Flat(v1.StandardOutput), StringComparison.Ordinal);
        Assert.Contains("learning_rate = 0.05", RegistrySandbox.Flat(v1.StandardOutput), StringComparison.Ordinal);
        Assert.Contains("train accuracy 0.912, test accuracy 0.884", RegistrySandbox.Flat(v1.StandardOutput), StringComparison.Ordinal);
        Assert.Contains("passed", RegistrySandbox.Flat(v1.StandardOutput), StringComparison.Ordinal);

        Assert.True(v2Result.ExitCode == 0, v2Result.ToString());
        var training = v2.GetProperty("training_data");
        Assert.Equal(month12, training.GetProperty("sha256").GetString());
        Assert.False(training.GetProperty("registered").GetBoolean());
        Assert.Equal("31", v2.GetProperty("model").GetProperty("card").GetProperty("parameters").GetProperty("leaves").GetString());
        Assert.Equal(0.884, v2.GetProperty("model").GetProperty("card").GetProperty("test_accuracy").GetDouble());
        var validation = Assert.Single(v2.GetProperty("validations").EnumerateArray());
        Assert.Equal(month12, validation.GetProperty("data_sha256").GetString());
        Assert.False(validation.GetProperty("passed").GetBoolean());
        Assert.Equal(2, validation.GetProperty("failed_checks").GetArrayLength());
        Assert.Equal("registered", Assert.Single(v2.GetProperty("history").EnumerateArray()).GetProperty("action").GetString());
    }

    [Fact]
    public async Task A_corrupted_artifact_is_detected_on_load_with_a_clear_error()
    {
        await _sandbox.RunAsync("registry", "add", _sandbox.ModelFolder(1, _referenceSha));
        var model = _sandbox.Open().Get("v1");
        var stored = Path.Combine(_sandbox.Home, "artifacts", model.ArtifactSha256, "model.zip");
        var bytes = await File.ReadAllBytesAsync(stored);
        bytes[123] ^= 0x01;
        await File.WriteAllBytesAsync(stored, bytes);

        var result = await _sandbox.RunAsync("registry", "checkout", "v1", "--out", _sandbox.Path("deploy"));

        Assert.Equal(2, result.ExitCode);
        Assert.Matches(
            @"^mlops: error: v1 \(artifact [0-9a-f]{12}\): model\.zip has SHA-256 [0-9a-f]{12}… but the registry recorded [0-9a-f]{12}… \(corrupted\)$",
            result.StandardError.Trim());
        Assert.False(Directory.Exists(_sandbox.Path("deploy")));
    }

    [Fact]
    public async Task Checkout_copies_a_verified_model_folder()
    {
        var folder = _sandbox.ModelFolder(1, _referenceSha);
        await _sandbox.RunAsync("registry", "add", folder);

        var result = await _sandbox.RunAsync("registry", "checkout", "v1", "--out", _sandbox.Path("deploy"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(ArtifactManifest.OfFolder(folder).Sha256, ArtifactManifest.OfFolder(_sandbox.Path("deploy")).Sha256);
    }

    [Fact]
    public async Task The_registry_lives_in_MLOPS_HOME_or_else_in_dot_mlops_of_the_working_directory()
    {
        var folder = _sandbox.ModelFolder(1, _referenceSha);

        var withHome = await _sandbox.RunAsync("registry", "add", folder);
        var withoutHome = await CliProcess.RunAsync(
            ["registry", "add", folder], _sandbox.WorkingDirectory, new Dictionary<string, string> { [RegistryHome.EnvironmentVariable] = "" });

        Assert.True(withHome.ExitCode == 0, withHome.ToString());
        Assert.True(File.Exists(Path.Combine(_sandbox.Home, "registry.db")));
        Assert.True(withoutHome.ExitCode == 0, withoutHome.ToString());
        Assert.True(File.Exists(Path.Combine(_sandbox.WorkingDirectory, ".mlops", "registry.db")));
        // A separate registry: the same model is new there.
        Assert.Contains("registered", RegistrySandbox.Flat(withoutHome.StandardOutput), StringComparison.Ordinal);
        Assert.DoesNotContain("already", RegistrySandbox.Flat(withoutHome.StandardOutput), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_versions_are_exit_code_2()
    {
        await _sandbox.RunAsync("registry", "add", _sandbox.ModelFolder(1, _referenceSha));

        var result = await _sandbox.RunAsync("registry", "show", "v7");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("mlops: error: v7: no such version; the registry has v1 … v1", result.StandardError.Trim());
    }

    /// <summary>Registers a model and records a passing validation on it, found by its folder as <c>mlops validate -m DIR</c> will.</summary>
    private async Task AddValidatedAsync(int seed)
    {
        var folder = _sandbox.ModelFolder(seed, _referenceSha);
        var add = await _sandbox.RunAsync("registry", "add", folder);
        Assert.True(add.ExitCode == 0, add.ToString());
        Assert.NotNull(_sandbox.Open().RecordValidationForFolder(folder, RegistrySandbox.Report(_referenceSha, "reference.csv", passed: true)));
    }

    public void Dispose() => _sandbox.Dispose();
}
