using Mlops.Cli.Commands.Analysis;
using Mlops.Cli.Commands.Data;
using Mlops.Cli.Commands.Demo;
using Mlops.Cli.Commands.Labels;
using Mlops.Cli.Commands.Log;
using Mlops.Cli.Commands.Model;
using Mlops.Cli.Commands.Monitoring;
using Mlops.Cli.Commands.Registry;
using Mlops.Cli.Commands.Schema;
using Mlops.Cli.Commands.Serving;
using Mlops.Cli.Commands.Simulation;
using Mlops.Cli.Commands.Stack;
using Mlops.Cli.Infrastructure;
using Spectre.Console.Cli;

namespace Mlops.Cli;

/// <summary>The command tree of <c>./mlops</c>.</summary>
public static class MlopsApp
{
    public static async Task<int> RunAsync(string[] args)
    {
        var app = new CommandApp();
        app.Configure(Configure);
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            // First Ctrl-C asks commands to stop cleanly; a second one kills the process.
            e.Cancel = !cancellation.IsCancellationRequested;
            cancellation.Cancel();
        };

        try
        {
            return await app.RunAsync(args, cancellation.Token);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return ErrorReporter.Report(e);
        }
    }

    private static void Configure(IConfigurator config)
    {
        config.SetApplicationName("mlops");
        config.UseAssemblyInformationalVersion();
        config.PropagateExceptions();
        config.CancellationExitCode(ExitCodes.Cancelled);
        config.UseStrictParsing();

        config.AddCommand<DemoCommand>("demo")
            .WithDescription("The whole talk in one command: data, train, validate, promote, serve and monitor, three years of production, drift, the late ground truth, retraining, the report.")
            .WithExample("demo")
            .WithExample("demo", "--data", "seed-data", "--keep-running")
            .WithExample("demo", "--months", "13", "--label-delay", "1", "--json");

        config.AddBranch("data", data =>
        {
            data.SetDescription("Create, inspect and register insurance datasets.");
            data.AddCommand<GenerateDataCommand>("generate")
                .WithDescription("Generate reference.csv and month-1.csv … month-36.csv from the talk's causal model.")
                .WithExample("data", "generate", "--out", "data")
                .WithExample("data", "generate", "--out", "data", "--seed", "7", "--months", "12");
            data.AddCommand<DescribeDataCommand>("describe")
                .WithDescription("Per-column count, mean, std, min, max and class counts of data files.")
                .WithExample("data", "describe", "data/reference.csv", "data/month-36.csv");
            data.AddCommand<AddDataCommand>("add")
                .WithDescription("Register a data file in the registry ($MLOPS_HOME, default .mlops/) by SHA-256, with its column statistics.")
                .WithExample("data", "add", "seed-data/reference.csv")
                .WithExample("data", "add", "--problem", "examples/iris/iris.problem.json", "examples/iris/iris.csv");
        });

        config.AddBranch("labels", labels =>
        {
            labels.SetDescription("Late ground truth, joined to the logged predictions it judges.");
            labels.AddCommand<AddLabelsCommand>("add")
                .WithDescription("Store the labels of a file next to the prediction log, by prediction_id or by the client's request_id; idempotent; conflicts and unknown keys are reported.")
                .WithExample("labels", "add", "labels.csv", "--key", "prediction_id", "--label", "group")
                .WithExample("labels", "add", "month-12-labels.csv", "--key", "request_id", "--label", "group_name");
        });

        config.AddBranch("log", log =>
        {
            log.SetDescription("Retention of the prediction log: archive old rows with their labels to Parquet, then prune them.");
            log.AddCommand<ExportLogCommand>("export")
                .WithDescription("Write the rows answered before a date, with their labels, to a Parquet file (temporary file, renamed when complete) and record the export in the log's database.")
                .WithExample("log", "export", "--before", "2026-01-31", "--out", "predictions-2026-01.parquet");
            log.AddCommand<PruneLogCommand>("prune")
                .WithDescription("Delete the rows answered before a date, with their labels; refuses (exit 1) if some were not exported, unless --force.")
                .WithExample("log", "prune", "--before", "2026-01-31");
        });

        config.AddCommand<PerformanceCommand>("performance")
            .WithDescription("Realised accuracy and per-class precision/recall of what production answered (model and fallback), per day, week or month, from the prediction log joined to its late labels.")
            .WithExample("performance")
            .WithExample("performance", "--by", "day", "--json");

        config.AddBranch("schema", schema =>
        {
            schema.SetDescription("Describe a classification problem as data: label and classes, features (kind, categories, validity bounds, missing values), fallback rules.");
            schema.AddCommand<InferSchemaCommand>("infer")
                .WithDescription("Draft a problem file from a data file (',' or ';' separated, detected): classes, kinds, categories, observed ranges, missing values; for you to edit.")
                .WithExample("schema", "infer", "data/iris.csv", "--label", "species", "--out", "iris.problem.json")
                .WithExample("schema", "infer", "seed-data/reference.csv", "--label", "group", "--ignore", "risk", "--ignore", "group_name", "--out", "insurance.problem.json", "--json");
            schema.AddCommand<ShowSchemaCommand>("show")
                .WithDescription("Check a problem file and print it as tables (exit 2 naming the key if it is invalid).")
                .WithExample("schema", "show", "config/insurance.problem.json")
                .WithExample("schema", "show", "iris.problem.json", "--json");
        });

        config.AddBranch("registry", registry =>
        {
            registry.SetDescription("Version models outside git ($MLOPS_HOME, default .mlops/; or PostgreSQL: $MLOPS_REGISTRY=postgres:CONNECTION-STRING), per problem: lineage, the promotion gate, rollback.");
            registry.AddCommand<AddModelCommand>("add")
                .WithDescription("Register a trained model folder (model.json + model files) by content hash; the same content gets the same version.")
                .WithExample("registry", "add", "models/classifier");
            registry.AddCommand<ListModelsCommand>("list")
                .WithDescription("Every registered version with its stage and gate status.")
                .WithExample("registry", "list");
            registry.AddCommand<ShowModelCommand>("show")
                .WithDescription("The lineage of a version: training data, trainer and parameters, metrics, validations, stage history.")
                .WithExample("registry", "show", "v2")
                .WithExample("registry", "show", "production", "--json");
            registry.AddCommand<PromoteModelCommand>("promote")
                .WithDescription("Put a version into production if its latest validation passed (exit 1 if refused); the previous one is archived.")
                .WithExample("registry", "promote", "v2")
                .WithExample("registry", "promote", "v3", "--force", "--reason", "accepted lower accuracy until the retrain");
            registry.AddCommand<RollbackCommand>("rollback")
                .WithDescription("Restore the previous production model and archive the current one.")
                .WithExample("registry", "rollback", "--reason", "v3 answers slowly");
            registry.AddCommand<CheckOutModelCommand>("checkout")
                .WithDescription("Copy a version's model folder to a new folder, verifying every file's SHA-256.")
                .WithExample("registry", "checkout", "production", "--out", "deploy/model");
        });

        config.AddCommand<TrainCommand>("train")
            .WithDescription("Train the risk classifier on labeled data; writes model.zip and its model card model.json.")
            .WithExample("train", "-d", "seed-data/reference.csv", "-m", "classifier")
            .WithExample("train", "-d", "seed-data/month-12.csv", "-m", "classifier-12", "--trainer", "lightgbm", "--seed", "7");
        config.AddCommand<ValidateCommand>("validate")
            .WithDescription("Check a model's invariants on labeled data (accuracy band, overfitting, class balance, certainty); exit 1 if any fails.")
            .WithExample("validate", "-d", "seed-data/reference.csv", "-m", "classifier")
            .WithExample("validate", "-d", "seed-data/month-12.csv", "-m", "classifier", "--json")
            .WithExample("validate", "-d", "seed-data/reference.csv", "-m", "classifier", "--spec", "config/invariants.seed.json");
        config.AddCommand<DriftCommand>("drift")
            .WithDescription("Drift of a current data file against the reference, per column with Evidently's default tests.")
            .WithExample("drift", "--reference", "seed-data/reference.csv", "--current", "seed-data/month-36.csv")
            .WithExample("drift", "--reference", "seed-data/reference.csv", "--current", "seed-data/month-1.csv", "--json");
        config.AddCommand<AnalyzeCommand>("analyze")
            .WithDescription("Drift, predictions, accuracy (estimated now, realised when labels arrive), data quality and the interpretation, as a self-contained HTML report.")
            .WithExample("analyze", "--reference", "seed-data/reference.csv", "--current", "seed-data", "--model", "classifier", "--out", "report.html")
            .WithExample("analyze", "-r", "seed-data/reference.csv", "-c", "seed-data/month-1.csv", "-c", "seed-data/month-12.csv", "--at-month", "36", "--json");
        config.AddCommand<RetrainCommand>("retrain")
            .WithDescription("Validate production on newly labeled data; if it fails, train and validate a candidate and promote it through the gate only if every invariant holds (exit 1 if not).")
            .WithExample("retrain", "--data", "seed-data/month-12.csv", "--register")
            .WithExample("retrain", "--data", "seed-data/month-12.csv", "--with-reference", "seed-data/reference.csv", "--promote-if-valid");
        config.AddCommand<MonitorCommand>("monitor")
            .WithDescription("The drift monitor service: POST /iterate/{dataset} rows, GET /metrics (Evidently-compatible) and /datasets/{dataset}/drift.")
            .WithExample("monitor", "--reference", "seed-data/reference.csv")
            .WithExample("monitor", "--config", "config/monitor.json", "--port", "8085", "--interval", "5");

        config.AddCommand<ServeCommand>("serve")
            .WithDescription("Serve the model over HTTP: /predict with the baseline fallback, /health, /metrics, the client page at /, hot reload of the production model.")
            .WithExample("serve")
            .WithExample("serve", "--port", "8080", "--monitor", "http://localhost:8085")
            .WithExample("serve", "--model", "v2", "--prediction-log", "postgres:Host=localhost;Database=mlops;Username=mlops");

        config.AddCommand<SimulateCommand>("simulate")
            .WithDescription("Replay three years of production (month-1.csv … month-36.csv) through the prediction service, concurrently; after each month: answered, rejected, fallback rate and the monitor's drift.")
            .WithExample("simulate")
            .WithExample("simulate", "--months", "1-12", "--rate", "500")
            .WithExample("simulate", "--mock", "--monitor", "http://localhost:8085", "--json");
        config.AddCommand<UpCommand>("up")
            .WithDescription("Start the prediction service, the drift monitor and Prometheus (if installed) in the background; trains, validates and promotes a model first if none is in production.")
            .WithExample("up")
            .WithExample("up", "--data", "seed-data", "--port-service", "18080", "--port-monitor", "18085", "--no-prometheus");
        config.AddCommand<DownCommand>("down")
            .WithDescription("Stop what 'mlops up' started.")
            .WithExample("down");
    }
}
