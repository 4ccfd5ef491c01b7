using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Mlops.Core.Data;
using Mlops.Reporting.Charts;
using Mlops.Testing;

namespace Mlops.Notebooks.Tests;

/// <summary>What the committed notebook files must be, before any of them runs.</summary>
public sealed partial class NotebookFilesTests
{
    public static TheoryData<string> Notebooks => ["exploration.ipynb", "analysis.ipynb"];

    private const string LibraryFolder = "../src/Mlops.Reporting/bin/Release/net10.0/";

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void A_committed_notebook_carries_no_outputs(string name)
    {
        var notebook = NotebookDocument.Load(NotebookRunner.Committed(name));
        Assert.NotEmpty(notebook.CodeCells);
        Assert.All(notebook.CodeCells, c =>
        {
            Assert.True(c.Outputs.Count == 0, $"cell {c.Index} ({c.FirstLine}) carries outputs: clear them before committing");
            Assert.True(c.ExecutionCount == JsonValueKind.Null, $"cell {c.Index} ({c.FirstLine}) carries an execution count");
        });
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void A_notebook_loads_the_projects_build_and_declares_no_code_of_its_own(string name)
    {
        var notebook = NotebookDocument.Load(NotebookRunner.Committed(name));
        var references = notebook.CodeCells.SelectMany(c => FileReference().Matches(c.Source)).Select(m => m.Groups[1].Value).ToArray();
        Assert.Equal([LibraryFolder + "Mlops.Core.dll", LibraryFolder + "Mlops.Reporting.dll"], references);

        // Types belong in the library, where they are tested and reused; a notebook only calls them.
        Assert.All(notebook.CodeCells, c => Assert.False(TypeDeclaration().IsMatch(c.Source), $"cell {c.Index} ({c.FirstLine}) declares a type"));
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void A_notebook_takes_ScottPlot_at_the_solutions_central_version(string name)
    {
        var central = XDocument.Load(Path.Combine(RepositoryPaths.Root, "Directory.Packages.props"))
            .Descendants("PackageVersion").Single(p => (string?)p.Attribute("Include") == "ScottPlot").Attribute("Version")!.Value;
        var notebook = NotebookDocument.Load(NotebookRunner.Committed(name));
        var packages = notebook.CodeCells.SelectMany(c => NuGetReference().Matches(c.Source)).Select(m => (Package: m.Groups[1].Value, Version: m.Groups[2].Value)).ToArray();
        Assert.Equal([("ScottPlot", central)], packages);
    }

    [Fact]
    public void The_library_the_notebooks_load_is_the_one_this_test_run_was_built_with()
    {
        // The notebooks #r the Release output of Mlops.Reporting; the tests reference the same projects.
        // Equal bytes mean the notebooks ran against the code these tests were compiled with, not a stale build.
        var folder = Path.GetFullPath(Path.Combine(RepositoryPaths.Notebooks, LibraryFolder));
        foreach (var assembly in new[] { typeof(InsuranceDataset).Assembly, typeof(ExplorationCharts).Assembly })
        {
            var loaded = File.ReadAllBytes(assembly.Location);
            var path = Path.Combine(folder, Path.GetFileName(assembly.Location));
            Assert.True(File.Exists(path), $"{path} is missing: build Release (./test.sh or ./mlops --help)");
            Assert.True(loaded.AsSpan().SequenceEqual(File.ReadAllBytes(path)), $"{path} differs from the assembly the tests loaded: run the tests in Release (./test.sh)");
        }
    }

    [GeneratedRegex("""^\s*#r\s+"(?!nuget:)([^"]+)"\s*$""", RegexOptions.Multiline)]
    private static partial Regex FileReference();

    [GeneratedRegex("""^\s*#r\s+"nuget:\s*([^,"]+?)\s*,\s*([^"]+?)\s*"\s*$""", RegexOptions.Multiline)]
    private static partial Regex NuGetReference();

    [GeneratedRegex("""\b(class|record|struct|interface|enum)\s+[A-Z]\w*\s*[({:<\r\n]""")]
    private static partial Regex TypeDeclaration();
}
