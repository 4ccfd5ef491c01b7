using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using Mlops.Testing;
using Mlops.Testing.Observability;

namespace Mlops.Deploy.Tests.Kubernetes;

/// <summary>
/// Renders a kustomization of <c>deploy/k8s</c> with <c>kubectl kustomize</c>, as <c>kubectl apply -k</c>
/// would before sending it (kubectl: Debian's kubernetes-client, installed by scripts/install-test-deps.sh).
/// Each folder is rendered once per test run.
/// </summary>
internal static class Kustomize
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<RenderedManifests>>> Rendered = new(StringComparer.Ordinal);

    public static string Base => Path.Combine(DeployFiles.Folder, "k8s", "base");

    public static string ExampleOverlay => Path.Combine(DeployFiles.Folder, "k8s", "overlays", "example");

    /// <summary>The folder under <c>deploy/k8s</c>: <c>base</c> or <c>overlays/example</c>.</summary>
    public static string Folder(string relative) => Path.Combine(DeployFiles.Folder, "k8s", relative);

    public static Task<RenderedManifests> RenderAsync(string folder) =>
        Rendered.GetOrAdd(folder, f => new Lazy<Task<RenderedManifests>>(() => RunAsync(f))).Value;

    private static async Task<RenderedManifests> RunAsync(string folder)
    {
        ProcessResult result;
        try
        {
            result = await ProcessRunner.RunAsync(new ProcessStartInfo("kubectl", ["kustomize", folder]), TimeSpan.FromMinutes(1));
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException("kubectl is not installed: run scripts/install-test-deps.sh (Debian package kubernetes-client)", e);
        }

        return result.ExitCode == 0
            ? RenderedManifests.Parse(result.StandardOutput)
            : throw new InvalidOperationException($"kubectl kustomize {folder} failed: {result}");
    }
}
