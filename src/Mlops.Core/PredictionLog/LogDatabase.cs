using System.Data.Common;

namespace Mlops.Core.PredictionLog;

/// <summary>
/// The prediction log's database as the stores beside the log reach it (<see cref="LabelStore"/>,
/// <see cref="PredictionLogArchive"/>): plain SQL with named parameters, which SQLite and PostgreSQL
/// read alike. What differs between the two is named here once: how a connection is opened, whether
/// it is PostgreSQL (UUID and TIMESTAMPTZ columns), and how a time is stored.
/// </summary>
internal sealed record LogDatabase(Func<CancellationToken, Task<DbConnection>> Connect, bool Postgres, Func<DateTimeOffset, object> Time)
{
    public static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            AddParameter(command, name, value);
        }

        return command;
    }

    public static DbParameter AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
