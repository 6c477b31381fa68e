using System.Globalization;
using ComparisonSite.Figures;
using ComparisonSite.Results;

namespace ComparisonSite.Runs;

/// <summary>One framework's value on one metric in one run, named for sentences.</summary>
public sealed record RankedValue(string Name, double Value);

/// <summary>
/// How the order of frameworks on one scenario and metric changed from one run to the next, in words: "FastAPI
/// stays first; Flask and Django swap places", "Django (ASGI) is new, in second place". A place is one more than
/// the number of frameworks with a better value in that run, so equal values share it ("joint second").
/// </summary>
public static class RankingChange
{
    private static readonly string[] Ordinals =
        ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];

    public static string Describe(
        IReadOnlyList<RankedValue> earlier, IReadOnlyList<RankedValue> later, Metric metric)
    {
        var before = Places(earlier, metric);
        var after = Places(later, metric);
        var common = later.Where(v => before.ContainsKey(v.Name)).Select(v => v.Name).ToList();
        var added = later.Where(v => !before.ContainsKey(v.Name)).Select(v => v.Name).ToList();
        var gone = earlier.Where(v => !after.ContainsKey(v.Name)).Select(v => v.Name).ToList();

        if (added.Count == 0 && gone.Count == 0 && common.All(n => before[n] == after[n]))
        {
            var order = common.OrderBy(n => after[n].Number).ThenBy(n => n, StringComparer.Ordinal).ToList();
            return order.Count == 1
                ? $"{order[0]} is the only framework in both runs."
                : $"The order is unchanged: {string.Join(", ", order.Select(n => PlacedName(n, after)))}.";
        }

        var clauses = new List<(int Place, string Text)>();
        var described = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in common.OrderBy(n => after[n].Number).ThenBy(n => n, StringComparer.Ordinal))
        {
            if (!described.Add(name))
            {
                continue;
            }

            var (was, now) = (before[name], after[name]);
            if (was == now)
            {
                clauses.Add((now.Number, $"{name} stays {Word(now)}"));
            }
            else if (SwapPartner(name, common, before, after, described) is { } partner)
            {
                described.Add(partner);
                clauses.Add((now.Number, $"{name} and {partner} swap places"));
            }
            else
            {
                var move = now.Number < was.Number ? "moves up from"
                    : now.Number > was.Number ? "drops from" : "goes from";
                clauses.Add((now.Number, $"{name} {move} {Word(was)} to {Word(now)}"));
            }
        }

        clauses.AddRange(added.Select(n => (after[n].Number, $"{n} is new, in {Word(after[n])} place")));
        var text = clauses
            .OrderBy(c => c.Place)
            .Select(c => c.Text)
            .Concat(gone.Select(n => $"{n} is not in the later run (it was {Word(before[n])})"));
        return string.Join("; ", text) + ".";
    }

    /// <summary>The framework that took this one's old place while it took that one's: a swap of the two.</summary>
    private static string? SwapPartner(
        string name,
        List<string> common,
        Dictionary<string, Place> before,
        Dictionary<string, Place> after,
        HashSet<string> described) =>
        common.FirstOrDefault(other => !described.Contains(other)
            && after[other].Number == before[name].Number && before[other].Number == after[name].Number);

    /// <summary>A framework's place in one run, and whether another framework shares it.</summary>
    private readonly record struct Place(int Number, bool Shared);

    private static Dictionary<string, Place> Places(IReadOnlyList<RankedValue> values, Metric metric) =>
        values.ToDictionary(
            v => v.Name,
            v => new Place(
                1 + values.Count(o => FigureFormatter.IsBetter(o.Value, v.Value, metric)),
                values.Any(o => o.Name != v.Name && o.Value == v.Value)),
            StringComparer.Ordinal);

    private static string PlacedName(string name, Dictionary<string, Place> places) =>
        places[name].Shared ? $"{name} (joint {Ordinal(places[name].Number)})" : name;

    private static string Word(Place place) => (place.Shared ? "joint " : "") + Ordinal(place.Number);

    private static string Ordinal(int place)
    {
        if (place <= Ordinals.Length)
        {
            return Ordinals[place - 1];
        }

        var suffix = place % 100 is 11 or 12 or 13 ? "th"
            : (place % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };
        return place.ToString(CultureInfo.InvariantCulture) + suffix;
    }
}
