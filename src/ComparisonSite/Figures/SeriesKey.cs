namespace ComparisonSite.Figures;

/// <summary>A scenario and metric pair, written <c>scenario:metric</c> in tables and charts.</summary>
public sealed record SeriesKey(string Scenario, string Metric)
{
    public override string ToString() => $"{Scenario}:{Metric}";
}
