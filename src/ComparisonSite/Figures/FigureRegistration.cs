using System.Globalization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ComparisonSite.Figures;

public static class FigureRegistration
{
    /// <summary>
    /// The site's one <see cref="FigureFormatter"/>, in <c>Site:Culture</c>: numbers and dates on every page, in
    /// every figure and in the verbs' output are formatted by it.
    /// </summary>
    public static IServiceCollection AddSiteFormatter(this IServiceCollection services)
    {
        services.TryAddSingleton(s =>
        {
            var culture = s.GetRequiredService<IOptions<SiteOptions>>().Value.Culture;
            return new FigureFormatter(CultureInfo.GetCultureInfo(culture));
        });
        return services;
    }
}
