using Mlops.Cli;

return await MlopsApp.RunAsync(args);
