import Testing
@testable import DigitCore

/// `enclosedHoleCount`: a digit encloses at most two holes, a patch of grid paper one per cell.
@Suite struct EnclosedHoleCountTests {
    /// The selection of every component of `picture`'s ink (`> 0.5`), and its label image.
    static func selection(_ picture: Canvas) -> (DigitSelection, [Int32]) {
        let (labels, components) = connectedComponents(picture.image, low: 0.5, high: 0.5)
        let chosen = components.filter { $0.area >= 2 }
        let selection = DigitSelection(labels: chosen.map(\.label), minX: chosen.map(\.minX).min()!,
                                       minY: chosen.map(\.minY).min()!, maxX: chosen.map(\.maxX).max()!,
                                       maxY: chosen.map(\.maxY).max()!, mass: 0, otherCandidates: 0)
        return (selection, labels)
    }

    @Test func anEightEnclosesTwoHolesAndASevenNone() {
        var eight = Canvas(width: 60, height: 80, paper: 0)
        eight.ring(cx: 30, cy: 24, rx: 12, ry: 13, width: 4, ink: 1)
        eight.ring(cx: 30, cy: 53, rx: 14, ry: 15, width: 4, ink: 1)
        let (eightSelection, eightLabels) = Self.selection(eight)
        #expect(enclosedHoleCount(eightSelection, labels: eightLabels, width: 60) == 2)
        var seven = Canvas(width: 60, height: 80, paper: 0)
        seven.stroke(10, 10, 50, 10, width: 4, ink: 1)
        seven.stroke(50, 10, 25, 70, width: 4, ink: 1)
        let (sevenSelection, sevenLabels) = Self.selection(seven)
        #expect(enclosedHoleCount(sevenSelection, labels: sevenLabels, width: 60) == 0)
    }

    @Test func aPatchOfGridEnclosesAHolePerCell() {
        var grid = Canvas(width: 90, height: 90, paper: 0)
        for k in 0..<4 {
            let at = Float(10 + 20 * k)
            grid.stroke(at, 10, at, 70, width: 3, ink: 1)
            grid.stroke(10, at, 70, at, width: 3, ink: 1)
        }
        let (selection, labels) = Self.selection(grid)
        #expect(enclosedHoleCount(selection, labels: labels, width: 90) == 9)
        // A single pixel of gap inside a stroke is not a hole (`minimumArea`).
        var dotted = Canvas(width: 40, height: 40, paper: 0)
        dotted.stroke(10, 20, 30, 20, width: 5, ink: 1)
        dotted.image[20, 20] = 0
        let (dottedSelection, dottedLabels) = Self.selection(dotted)
        #expect(enclosedHoleCount(dottedSelection, labels: dottedLabels, width: 40) == 0)
    }
}
