namespace Mlops.Serving.Tests.Service;

/// <summary>The tests that share the one test PostgreSQL database run one after the other: each counts the rows it wrote.</summary>
[CollectionDefinition(Name)]
public sealed class SharedPostgres
{
    public const string Name = "PostgreSQL prediction log";
}
