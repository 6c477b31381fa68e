using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestCollectionOrderer(
    "ComparisonSite.Tests.Infrastructure.LongRunningFirst", "ComparisonSite.Tests")]

namespace ComparisonSite.Tests.Infrastructure;

/// <summary>
/// Marks a test class that takes a minute or more (a publish, a browser, Lighthouse, a benchmark harness): it is
/// started before the others, longest first, so the suite does not end waiting on one long class while the rest
/// are done.
/// </summary>
/// <param name="seconds">About how long the class takes beside the others (its fixture included).</param>
[AttributeUsage(AttributeTargets.Class)]
public sealed class LongRunningAttribute(int seconds) : Attribute
{
    public int Seconds { get; } = seconds;
}

/// <summary>
/// Starts the <see cref="LongRunningAttribute"/> classes first, longest first, then the rest by name; the
/// parallel classes fill the cores around the long ones. (Each class is its own collection, but for
/// <see cref="SerialTests"/>.)
/// </summary>
public sealed class LongRunningFirst : ITestCollectionOrderer
{
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections
            .OrderByDescending(ExpectedSeconds)
            .ThenBy(c => c.DisplayName, StringComparer.Ordinal);

    private static int ExpectedSeconds(ITestCollection collection)
    {
        const string Prefix = "Test collection for ";
        if (!collection.DisplayName.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return 0;
        }

        var type = typeof(LongRunningFirst).Assembly.GetType(collection.DisplayName[Prefix.Length..]);
        return type?.GetCustomAttributes(typeof(LongRunningAttribute), inherit: false)
            .OfType<LongRunningAttribute>().FirstOrDefault()?.Seconds ?? 0;
    }
}
