namespace ComparisonSite.Figures.Calculator;

/// <summary>
/// The price of one server that the cost calculator multiplies, with what it stands for and where it comes from:
/// the article's <c>serverPrice:</c> front matter. Every assumption of the calculator is data an editor sources.
/// </summary>
/// <param name="Server">Which server the price stands for ("a 2-vCPU entry VPS or cloud instance").</param>
/// <param name="UsdPerMonth">US dollars a month for one such server.</param>
/// <param name="Source">Who states the price ("Bytepulse").</param>
/// <param name="Url">Where the source states it, when it is online.</param>
/// <param name="Date">When the source stated it.</param>
public sealed record ServerPrice(string Server, decimal UsdPerMonth, string Source, string? Url, DateOnly Date);
