using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Airline.Hosting.Kubernetes.Yaml;

/// <summary>
/// Writes <see cref="YamlMap"/>s, lists, strings, integers and booleans as block-style YAML. A string is
/// written plain only when no YAML 1.1 or 1.2 parser can read it as anything but that string.
/// </summary>
internal static partial class YamlWriter
{
    private static readonly HashSet<string> Reserved =
        ["true", "false", "yes", "no", "on", "off", "y", "n", "null", "~", "<<", "="];

    public static string Write(YamlMap document, string? headerComment = null)
    {
        var text = new StringBuilder();
        if (headerComment is not null)
        {
            text.Append("# ").Append(headerComment).Append('\n');
        }

        WriteMap(text, document, indent: 0, firstLinePrinted: false);
        return text.ToString();
    }

    private static void WriteMap(StringBuilder text, YamlMap map, int indent, bool firstLinePrinted)
    {
        var first = true;
        foreach (var (key, value) in map.Entries)
        {
            if (!(first && firstLinePrinted))
            {
                text.Append(' ', indent);
            }

            first = false;
            text.Append(Scalar(key)).Append(':');
            WriteValue(text, value, indent, childIndent: indent + 2, listIndent: indent);
        }
    }

    private static void WriteValue(StringBuilder text, object value, int indent, int childIndent, int listIndent)
    {
        switch (value)
        {
            case YamlMap { Entries.Count: 0 }:
                text.Append(" {}\n");
                break;
            case YamlMap map:
                text.Append('\n');
                WriteMap(text, map, childIndent, firstLinePrinted: false);
                break;
            case string multiline when multiline.Contains('\n', StringComparison.Ordinal):
                WriteLiteralBlock(text, multiline, indent + 2);
                break;
            case string or int or long or bool:
                text.Append(' ').Append(Scalar(value)).Append('\n');
                break;
            case System.Collections.IEnumerable items:
                WriteList(text, items.Cast<object>().ToList(), listIndent);
                break;
            default:
                throw new ArgumentException($"Cannot write a {value.GetType().Name} as YAML.", nameof(value));
        }
    }

    private static void WriteList(StringBuilder text, List<object> items, int indent)
    {
        if (items.Count == 0)
        {
            text.Append(" []\n");
            return;
        }

        text.Append('\n');
        foreach (var item in items)
        {
            text.Append(' ', indent).Append('-');
            if (item is YamlMap { Entries.Count: > 0 } map)
            {
                text.Append(' ');
                WriteMap(text, map, indent + 2, firstLinePrinted: true);
            }
            else
            {
                WriteValue(text, item, indent, childIndent: indent + 2, listIndent: indent + 2);
            }
        }
    }

    private static void WriteLiteralBlock(StringBuilder text, string value, int indent)
    {
        text.Append(value.EndsWith('\n') ? " |\n" : " |-\n");
        foreach (var line in value.TrimEnd('\n').Split('\n'))
        {
            if (line.Length > 0)
            {
                text.Append(' ', indent).Append(line);
            }

            text.Append('\n');
        }
    }

    private static string Scalar(object value) => value switch
    {
        bool boolean => boolean ? "true" : "false",
        int number => number.ToString(CultureInfo.InvariantCulture),
        long number => number.ToString(CultureInfo.InvariantCulture),
        string text when IsPlain(text) => text,
        string text => Quoted(text),
        _ => throw new ArgumentException($"Cannot write a {value.GetType().Name} as a YAML scalar.", nameof(value)),
    };

    private static bool IsPlain(string text) =>
        PlainText().IsMatch(text)
        && !Reserved.Contains(text.ToLowerInvariant())
        && !text.Contains(": ", StringComparison.Ordinal)
        && !text.EndsWith(':')
        && (!char.IsAsciiDigit(text[0]) || Quantity().IsMatch(text));

    private static string Quoted(string text)
    {
        var quoted = new StringBuilder("\"");
        foreach (var character in text)
        {
            quoted.Append(character switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                _ when char.IsControl(character) => $"\\u{(int)character:x4}",
                _ => character.ToString(),
            });
        }

        return quoted.Append('"').ToString();
    }

    [GeneratedRegex(@"^[A-Za-z0-9_/$][A-Za-z0-9_./:=@$()+;%-]*( [A-Za-z0-9_./:=@$()+;%-]+)*$")]
    private static partial Regex PlainText();

    /// <summary>Kubernetes quantities such as <c>100m</c>, <c>128Mi</c>, <c>1Gi</c>.</summary>
    [GeneratedRegex("^[0-9]+(m|Ki|Mi|Gi|Ti)$")]
    private static partial Regex Quantity();
}
