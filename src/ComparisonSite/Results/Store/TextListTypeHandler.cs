using System.Data;
using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace ComparisonSite.Results.Store;

/// <summary>
/// Lets Dapper pass and read a record's <see cref="IReadOnlyList{T}"/> of text as a PostgreSQL <c>text[]</c>.
/// Without it Dapper hands Npgsql the list as it is, and a collection expression's list is a compiler-made type
/// that Npgsql cannot write.
/// </summary>
internal sealed class TextListTypeHandler : SqlMapper.TypeHandler<IReadOnlyList<string>>
{
    private static int _registered;

    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 0)
        {
            SqlMapper.AddTypeHandler(new TextListTypeHandler());
        }
    }

    public override void SetValue(IDbDataParameter parameter, IReadOnlyList<string>? value)
    {
        parameter.Value = value?.ToArray() ?? (object)DBNull.Value;
        if (parameter is NpgsqlParameter npgsql)
        {
            npgsql.NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text;
        }
    }

    public override IReadOnlyList<string> Parse(object value) => value switch
    {
        string[] texts => texts,
        _ => throw new DataException($"Cannot read {value.GetType().Name} as a list of text"),
    };
}
