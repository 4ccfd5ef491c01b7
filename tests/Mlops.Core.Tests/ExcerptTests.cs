namespace Mlops.Core.Tests;

/// <summary>What an error message shows of a bad value: short, one line, no raw control characters.</summary>
public sealed class ExcerptTests
{
    [Fact]
    public void A_short_value_is_quoted_whole()
    {
        Assert.Equal("'old'", Excerpt.Quote("old"));
    }

    [Fact]
    public void A_20_MB_value_shows_80_characters_and_its_length()
    {
        var quoted = Excerpt.Quote(new string('x', 20 * 1024 * 1024));

        Assert.Equal($"'{new string('x', 80)}…' (20971520 characters)", quoted);
    }

    [Fact]
    public void Control_characters_and_lone_surrogates_are_escaped_and_pairs_kept()
    {
        var quoted = Excerpt.Quote("a\u001b[31mred\nline\t\ud800z😀\u202e");

        Assert.Equal("'a\\u001b[31mred\\nline\\t\\ud800z😀\\u202e'", quoted);
    }

    [Fact]
    public void A_line_is_one_line_of_at_most_a_thousand_characters()
    {
        var line = Excerpt.Line("first\nsecond\r\n" + new string('y', 5000));

        Assert.DoesNotContain('\n', line);
        Assert.StartsWith("first second ", line, StringComparison.Ordinal);
        Assert.Equal(Excerpt.MaxLineLength + 1, line.Length);
    }
}
