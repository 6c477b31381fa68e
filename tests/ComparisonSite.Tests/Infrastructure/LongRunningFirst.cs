using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestCollectionOrderer(
    "ComparisonSite.Tests.Infrastructure.LongRunningFirst", "ComparisonSite.Tests")]

namespace ComparisonSite.Tests.Infrastructure;

/// <summary>
/// Marks a test class that takes a minute or more (a publish, a browser, Lighthouse, a benchmark harness): it is
/// started before the others, so the suite does not end waiting on one long class while the rest are done.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class LongRunningAttribute : Attribute;

/// <summary>
/// Starts the <see cref="LongRunningAttribute"/> classes first, then the rest by name; the parallel classes fill
/// the cores around the long ones. (Each class is its own collection, but for <see cref="SerialTests"/>.)
/// </summary>
public sealed class LongRunningFirst : ITestCollectionOrderer
{
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections
            .OrderBy(c => IsLongRunning(c) ? 0 : 1)
            .ThenBy(c => c.DisplayName, StringComparer.Ordinal);

    private static bool IsLongRunning(ITestCollection collection)
    {
        const string Prefix = "Test collection for ";
        if (!collection.DisplayName.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var type = typeof(LongRunningFirst).Assembly.GetType(collection.DisplayName[Prefix.Length..]);
        return type?.GetCustomAttributes(typeof(LongRunningAttribute), inherit: false).Length > 0;
    }
}
