using Microsoft.Extensions.Options;

namespace ComparisonSite.Caching.Edge;

/// <summary>
/// A purger header configured with no value is a mistake, never a choice: most often a secret (Varnish's
/// Purge-Secret, Fastly-Key) whose variable was not set where the instance starts. The instance refuses to start
/// and names the setting, rather than sending purges the edge refuses for a day of stale pages.
/// </summary>
internal sealed class PurgerHeaderValidation : IValidateOptions<EdgeOptions>
{
    public ValidateOptionsResult Validate(string? name, EdgeOptions options)
    {
        var empty = options.Purgers
            .SelectMany((purger, index) => purger.Headers
                .Where(header => string.IsNullOrWhiteSpace(header.Value))
                .Select(header => $"{EdgeOptions.Section}:Purgers:{index}:Headers:{header.Key}"))
            .ToList();
        return empty.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                empty.Select(setting => $"{setting} is empty: set its value (a purge secret is never defaulted)"));
    }
}
