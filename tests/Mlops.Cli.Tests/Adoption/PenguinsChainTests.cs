using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Mlops.Testing;
using Mlops.Testing.Services;

namespace Mlops.Cli.Tests.Adoption;

/// <summary>
/// The Palmer penguins (<c>examples/penguins</c>: string categories, <c>NA</c> for missing values)
/// through the chain as a new user runs it, real processes only: <c>schema infer</c> → <c>train</c> →
/// <c>validate</c> → <c>registry add/promote</c> → <c>serve --problem</c> (string categories, a missing
/// value, a category training never saw, bad values) → <c>drift</c> → <c>analyze</c>. The team trained
/// on two islands; the birds of the third, Torgersen, arrive in production. The monitor and
/// <c>simulate</c> are the Iris chain test's; this one is about strings and missing values.
/// </summary>
public sealed class PenguinsChainTests : IDisposable
{
    private static readonly string Folder = Path.Combine(RepositoryPaths.Root, "examples", "penguins");

    private readonly TemporaryDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Penguins_with_string_categories_and_missing_values_go_from_raw_csv_to_served_drift_and_analysis()
    {
        var lines = File.ReadAllLines(Path.Combine(Folder, "penguins.csv"));
        var header = lines[0];
        var rows = lines.Skip(1).ToArray();
        static bool Torgersen(string row) => row.Split(',')[1] == "Torgersen";
        var reference = Write("reference.csv", [header, .. rows.Where(r => !Torgersen(r))]);
        var months = Directory.CreateDirectory(_temp.File("months")).FullName;
        // Month 1: every bird, labels not yet known (the label column is there, empty); month 2: Torgersen's, labeled.
        Write(Path.Combine(months, "month-1.csv"), [header, .. rows.Select(r => "," + r[(r.IndexOf(',', StringComparison.Ordinal) + 1)..])]);
        Write(Path.Combine(months, "month-2.csv"), [header, .. rows.Where(Torgersen)]);
        var home = _temp.File("home");
        var environment = new Dictionary<string, string> { ["MLOPS_HOME"] = home };
        Task<ProcessResult> Mlops(params string[] args) => CliProcess.RunAsync(args, workingDirectory: _temp.Path, environment: environment);

        // The draft from the raw file finds the kinds and the missing values on its own.
        var infer = await Mlops("schema", "infer", Path.Combine(Folder, "penguins.csv"), "--label", "species", "--ignore", "year", "--out", _temp.File("draft.json"), "--json");
        Assert.True(infer.ExitCode == 0, infer.ToString());
        using (var draft = JsonDocument.Parse(infer.StandardOutput))
        {
            var features = draft.RootElement.GetProperty("problem").GetProperty("features").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!);
            Assert.Equal(["Biscoe", "Dream", "Torgersen"], features["island"].GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
            Assert.Equal("reject", features["island"].GetProperty("missing").GetString());
            Assert.Equal("impute", features["sex"].GetProperty("missing").GetString());
            Assert.Equal("numeric", features["body_mass_g"].GetProperty("kind").GetString());
            Assert.Equal("impute", features["body_mass_g"].GetProperty("missing").GetString());
        }

        // The edited problem file (examples/penguins: validity bounds added) drives the rest.
        var problem = Path.Combine(Folder, "penguins.problem.json");
        var train = await Mlops("train", "--problem", problem, "-d", reference, "-m", "model", "--json");
        Assert.True(train.ExitCode == 0, train.ToString());
        var add = await Mlops("registry", "add", "model");
        Assert.True(add.ExitCode == 0, add.ToString());
        var validate = await Mlops("validate", "-d", reference, "-m", "v1", "--spec", Path.Combine(Folder, "invariants.json"));
        Assert.True(validate.ExitCode == 0, validate.ToString());
        var promote = await Mlops("registry", "promote", "v1");
        Assert.True(promote.ExitCode == 0, promote.ToString());

        await using (var service = await ServiceProcess.StartAsync(home, "--problem", "penguins"))
        {
            var gentoo = await PredictAsync(service, """{"island":"Biscoe","bill_length_mm":50.0,"bill_depth_mm":15.2,"flipper_length_mm":220,"body_mass_g":5500,"sex":"male"}""");
            Assert.Equal(HttpStatusCode.OK, gentoo.Status);
            Assert.Equal("Gentoo", gentoo.Body.GetProperty("class").GetString());
            Assert.Equal("ML", gentoo.Body.GetProperty("source").GetString());

            // sex null and bill depth left out: both imputed per the problem file, the model answers.
            var imputed = await PredictAsync(service, """{"island":"Dream","bill_length_mm":46.5,"flipper_length_mm":192,"body_mass_g":3500,"sex":null}""");
            Assert.Equal(HttpStatusCode.OK, imputed.Status);
            Assert.Equal("ML", imputed.Body.GetProperty("source").GetString());
            Assert.Equal("Chinstrap", imputed.Body.GetProperty("class").GetString());

            // A valid island training never saw: the fallback answers, saying why.
            var unseen = await PredictAsync(service, """{"island":"Torgersen","bill_length_mm":39.1,"bill_depth_mm":18.7,"flipper_length_mm":181,"body_mass_g":3750,"sex":"male"}""");
            Assert.Equal(HttpStatusCode.OK, unseen.Status);
            Assert.NotEqual("ML", unseen.Body.GetProperty("source").GetString());
            Assert.Equal("island", unseen.Body.GetProperty("feature").GetString());
            Assert.Contains("never seen in training", unseen.Body.GetProperty("reason").GetString(), StringComparison.Ordinal);

            foreach (var (body, field) in new[]
            {
                ("""{"island":"Atlantis","bill_length_mm":39.1,"bill_depth_mm":18.7,"flipper_length_mm":181,"body_mass_g":3750,"sex":"male"}""", "island"),
                ("""{"island":null,"bill_length_mm":39.1,"bill_depth_mm":18.7,"flipper_length_mm":181,"body_mass_g":3750,"sex":"male"}""", "island"),
                ("""{"island":"Dream","bill_length_mm":"long","bill_depth_mm":18.7,"flipper_length_mm":181,"body_mass_g":3750,"sex":"male"}""", "bill_length_mm"),
                ("""{"island":"Dream","bill_length_mm":39.1,"bill_depth_mm":18.7,"flipper_length_mm":181,"body_mass_g":-3750,"sex":"male"}""", "body_mass_g"),
                ("""{"island":"Dream","bill_length_mm":39.1,"bill_depth_mm":18.7,"flipper_length_mm":181,"body_mass_g":3750,"sex":"MALE"}""", "sex"),
            })
            {
                var refused = await PredictAsync(service, body);
                Assert.True(refused.Status == HttpStatusCode.UnprocessableEntity, $"{body}: {refused.Status} {refused.Body}");
                Assert.Equal(field, refused.Body.GetProperty("field").GetString());
            }
        }

        // Production's birds against the reference: Torgersen's island drifts; the empty labels are no error.
        var drift = await Mlops("drift", "--problem", problem, "-r", reference, "-c", Path.Combine(months, "month-1.csv"), "--json");
        Assert.True(drift.ExitCode == 0, drift.ToString());
        using (var report = JsonDocument.Parse(drift.StandardOutput))
        {
            var columns = report.RootElement.GetProperty("report").GetProperty("columns").EnumerateArray().ToDictionary(c => c.GetProperty("column").GetString()!);
            Assert.True(columns["island"].GetProperty("drifted").GetBoolean());
            Assert.Equal("cat", columns["sex"].GetProperty("column_type").GetString());
            Assert.Equal(333, columns["sex"].GetProperty("current_rows").GetInt32()); // 11 birds without a sex
        }

        var analyze = await Mlops("analyze", "-r", reference, "-c", months, "--model", "production", "--label-delay", "0", "-o", "report.html", "--json");
        Assert.True(analyze.ExitCode == 0, analyze.ToString());
        using var analysis = JsonDocument.Parse(analyze.StandardOutput);
        var performance = analysis.RootElement.GetProperty("performance").EnumerateArray().ToArray();
        Assert.False(performance[0].GetProperty("labels_available").GetBoolean()); // month 1's labels are empty
        Assert.True(performance[1].GetProperty("labels_available").GetBoolean());
        Assert.InRange(performance[1].GetProperty("realised_accuracy").GetDouble(), 0, 1);
        Assert.Contains("island", await File.ReadAllTextAsync(_temp.File("report.html")), StringComparison.Ordinal);
    }

    private string Write(string name, IEnumerable<string> lines)
    {
        var path = Path.IsPathRooted(name) ? name : _temp.File(name);
        File.WriteAllLines(path, lines);
        return path;
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> PredictAsync(ServiceProcess service, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await service.Http.PostAsync("predict", content);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (response.StatusCode, body);
    }
}
