namespace Mlops.Serving.Tests.Service;

/// <summary>
/// One running service for read-mostly tests: a registry with the first model in production,
/// the default prediction log and fallback threshold.
/// </summary>
public sealed class ProductionService : IAsyncLifetime, IDisposable
{
    private ServiceSandbox? _sandbox;
    private ServiceProcess? _service;

    public ServiceSandbox Sandbox => _sandbox ?? throw new InvalidOperationException("not started");

    public ServiceProcess Service => _service ?? throw new InvalidOperationException("not started");

    public string ModelFolder { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _sandbox = new ServiceSandbox();
        ModelFolder = await TrainedModels.First();
        _sandbox.Promote(_sandbox.Register(ModelFolder));
        _service = await _sandbox.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }

        Dispose();
    }

    public void Dispose() => _sandbox?.Dispose();
}
