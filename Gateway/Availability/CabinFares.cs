namespace Gateway.Availability;

/// <summary>Cabin classes from the cheapest fare up; a class not named here counts as dearer than all of them.</summary>
public static class CabinFares
{
    private static readonly string[] CheapestFirst = ["economy", "premium_economy", "business", "first"];

    public static int Rank(string cabinClass) =>
        Array.IndexOf(CheapestFirst, cabinClass) is var rank and >= 0 ? rank : CheapestFirst.Length;
}
