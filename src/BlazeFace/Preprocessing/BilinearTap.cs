namespace BlazeFace.Preprocessing;

/// <summary>The four source pixels one output pixel blends, as column and row indices, and the weights of the second of each pair.</summary>
/// <param name="Left">Column of the left pair.</param>
/// <param name="Right">Column of the right pair; equal to <paramref name="Left"/> at the region's last column.</param>
/// <param name="Fx">Weight of the right column, in [0, 1).</param>
/// <param name="Top">Row of the upper pair.</param>
/// <param name="Bottom">Row of the lower pair; equal to <paramref name="Top"/> at the region's last row.</param>
/// <param name="Fy">Weight of the lower row, in [0, 1).</param>
internal readonly record struct BilinearTap(int Left, int Right, float Fx, int Top, int Bottom, float Fy);
