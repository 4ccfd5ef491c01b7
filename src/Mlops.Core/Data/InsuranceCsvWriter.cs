using System.Globalization;
using System.Text;

namespace Mlops.Core.Data;

/// <summary>Writes the seed's CSV format with the correct spelling <c>emergency_braking</c>.</summary>
public static class InsuranceCsvWriter
{
    public static void WriteFile(string path, InsuranceDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(path);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        // Write to a temporary file first so a reader never sees half a dataset.
        var temporary = path + ".tmp";
        using (var writer = new StreamWriter(temporary, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16))
        {
            Write(writer, dataset);
        }

        File.Move(temporary, path, overwrite: true);
    }

    public static void Write(TextWriter writer, InsuranceDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(dataset);
        writer.NewLine = "\n";

        // Production rows have no ground truth yet: such a file has only the feature columns.
        var labeled = dataset.IsLabeled;
        writer.WriteLine(labeled ? InsuranceCsvFormat.HeaderLine : string.Join(InsuranceCsvFormat.Separator, Feature.All.Select(f => f.Name)));
        foreach (var record in dataset.Records)
        {
            WriteRow(writer, record, labeled);
        }
    }

    private static void WriteRow(TextWriter writer, InsuranceRecord record, bool labeled)
    {
        var f = record.Features;
        var c = CultureInfo.InvariantCulture;
        const char s = InsuranceCsvFormat.Separator;
        writer.Write(f.Training ? '1' : '0');
        writer.Write(s);
        writer.Write(f.Age.ToString("R", c));
        writer.Write(s);
        writer.Write(f.EmergencyBraking ? '1' : '0');
        writer.Write(s);
        writer.Write(f.BrakingDistance.ToString("R", c));
        writer.Write(s);
        writer.Write(f.Power.ToString("R", c));
        writer.Write(s);
        writer.Write(f.Miles.ToString("R", c));
        if (labeled)
        {
            var group = record.Group!.Value;
            writer.Write(s);
            writer.Write(record.Risk is { } risk ? risk.ToString("R", c) : "");
            writer.Write(s);
            writer.Write(group.Name());
            writer.Write(s);
            writer.Write(((int)group).ToString(c));
        }

        writer.WriteLine();
    }
}
