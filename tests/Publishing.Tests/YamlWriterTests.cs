using Airline.Hosting.Kubernetes.Yaml;
using YamlDotNet.RepresentationModel;

namespace Publishing.Tests;

public sealed class YamlWriterTests
{
    [Theory]
    [InlineData("plain")]
    [InlineData("yes")]
    [InlineData("No")]
    [InlineData("on")]
    [InlineData("null")]
    [InlineData("~")]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("0x1F")]
    [InlineData("1e3")]
    [InlineData(".5")]
    [InlineData("2026-12-01")]
    [InlineData("10:30")]
    [InlineData("a: b")]
    [InlineData("a #b")]
    [InlineData("#comment")]
    [InlineData("- item")]
    [InlineData("--flag")]
    [InlineData("*alias")]
    [InlineData("&anchor")]
    [InlineData("!tag")]
    [InlineData("{a}")]
    [InlineData("[a]")]
    [InlineData("quote \" and \\ backslash")]
    [InlineData("trailing ")]
    [InlineData(" leading")]
    [InlineData("http://+:8080")]
    [InlineData("Server=mysql;Port=3306;Password=$(MYSQL_PASSWORD)")]
    [InlineData("tab\there")]
    [InlineData("one\ntwo\n")]
    [InlineData("one\ntwo")]
    public void A_string_reads_back_as_the_same_string(string value)
    {
        var text = YamlWriter.Write(new YamlMap { ["key"] = value, ["list"] = new[] { value } });

        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var scalar = (YamlScalarNode)root["key"];
        Assert.Equal(value, scalar.Value);
        Assert.Equal(value, ((YamlScalarNode)((YamlSequenceNode)root["list"]).Children[0]).Value);
        Assert.True(scalar.Style is not YamlDotNet.Core.ScalarStyle.Plain || value.Length > 0 && !char.IsAsciiDigit(value[0]) || value == "100m",
            $"'{value}' was written plain:\n{text}");
    }

    [Fact]
    public void Maps_and_lists_nest_in_block_style_in_the_order_they_were_set()
    {
        var text = YamlWriter.Write(new YamlMap
        {
            ["b"] = 1,
            ["a"] = new YamlMap { ["flag"] = true, ["empty"] = new YamlMap(), ["none"] = null },
            ["items"] = new object[] { new YamlMap { ["name"] = "x", ["ports"] = new[] { 80, 443 } }, "z" },
            ["nothing"] = Array.Empty<string>(),
        }, "header");

        Assert.Equal(
            "# header\nb: 1\na:\n  flag: true\n  empty: {}\nitems:\n- name: x\n  ports:\n  - 80\n  - 443\n- z\nnothing: []\n",
            text);
    }
}
