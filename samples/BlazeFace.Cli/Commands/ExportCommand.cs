using System.CommandLine;
using System.Globalization;

namespace BlazeFace.Cli.Commands;

/// <summary>
/// <c>export --model M OUT.onnx</c>: writes the rebuilt network as an ONNX file (<see cref="BlazeFaceModel.ExportOnnx"/>)
/// and prints one summary line. The file is written beside the target and renamed into place, so a failed export never
/// leaves a partial file.
/// </summary>
internal sealed class ExportCommand : Command
{
    public ExportCommand(CliConsole console)
        : base("export", "Write the rebuilt network as a standard ONNX file (float32, opset 17, NHWC input, TFLite's output names and shapes).")
    {
        Add(Output);
        Add(Model);
        UnknownOptions.RejectIn(Output, this);
        SetAction(parseResult => Execute(parseResult, console));
    }

    public Argument<string> Output { get; } = new("output")
    {
        Description = "The .onnx file to write (replaced if it exists)",
        HelpName = "OUT.onnx",
    };

    public Option<string> Model { get; } = ModelOption.Create();

    private int Execute(ParseResult parseResult, CliConsole console)
    {
        string output = parseResult.GetValue(Output)!;
        BlazeFaceModel model;
        try
        {
            model = ModelOption.Load(parseResult.GetValue(Model) ?? "short");
        }
        catch (Exception e) when (ModelOption.IsUnreadable(e))
        {
            console.ReportError(e.Message);
            return ExitCodes.BadInput;
        }

        string temporary = output + ".tmp";
        long bytes;
        try
        {
            using (FileStream file = File.Create(temporary))
            {
                model.ExportOnnx(file);
                bytes = file.Length;
            }

            File.Move(temporary, output, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }

            console.ReportError($"cannot write {output}: {e.Message}");
            return ExitCodes.BadInput;
        }

        int size = model.InputSize;
        console.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{output}: {bytes} bytes, ONNX opset 17, input [1, {size}, {size}, 3] float32 NHWC, outputs regressors [1, {model.AnchorCount}, 16] and classificators [1, {model.AnchorCount}, 1]"));
        return ExitCodes.Success;
    }
}
