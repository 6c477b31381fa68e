namespace ComparisonSite.Tests.Infrastructure;

/// <summary>
/// The few test classes that must have the machine to themselves: they time how fast a change shows, or put a
/// site under load and count what it answers. xunit runs this collection alone, after the parallel ones; every
/// other class runs beside the others, each in its own database (<see cref="PostgresFixture"/>).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialTests
{
    public const string Name = "serial";
}
