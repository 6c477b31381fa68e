namespace ComparisonSite.Tests.Infrastructure;

/// <summary>
/// Polls until something asynchronous (a file reload, a NOTIFY, a restart) has shown, or fails the test. The
/// default limit is generous: it bounds a wait, it is no speed target, and with the whole suite running on two
/// cores a reload can wait its turn for more than ten seconds.
/// </summary>
internal static class Eventually
{
    public static Task TrueAsync(Func<bool> condition, TimeSpan? limit = null) =>
        TrueAsync(() => Task.FromResult(condition()), limit);

    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan? limit = null)
    {
        var deadline = limit ?? TimeSpan.FromSeconds(30);
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < deadline, $"the condition was not met within {deadline.TotalSeconds} s");
            await Task.Delay(20);
        }
    }
}
