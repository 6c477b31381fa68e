namespace ComparisonSite.Commands;

/// <summary>
/// Edit distance between a typed word and a verb, counting a swap of two neighbouring letters as one edit
/// ("improt" is one edit from "import"), so the error for a typo can name the verb that was meant.
/// </summary>
internal static class VerbDistance
{
    public static int Between(string typed, string verb)
    {
        var d = new int[typed.Length + 1, verb.Length + 1];
        for (var i = 0; i <= typed.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= verb.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= typed.Length; i++)
        {
            for (var j = 1; j <= verb.Length; j++)
            {
                var cost = typed[i - 1] == verb[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && typed[i - 1] == verb[j - 2] && typed[i - 2] == verb[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[typed.Length, verb.Length];
    }
}
