namespace ComparisonSite.Tests.Infrastructure;

/// <summary>The xunit collection of every test class that uses the one shared <see cref="PostgresFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresTests : ICollectionFixture<PostgresFixture>
{
    public const string Name = "postgres";
}
