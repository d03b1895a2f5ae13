// A ComboBox that shows a value, not an index: `selected` is the valueRole of the row to show, so
// that a model given again (its labels in another language, a reload after sync) never leaves the
// box on its first row while the record holds another value (issue #17). `placeholder` shows while
// nothing is selected. Rows are objects with the textRole and valueRole members.
import QtQuick
import QtQuick.Controls

ComboBox {
    id: box
    property var selected
    property string placeholder: ""
    readonly property int chosen: {
        const rows = box.model || []
        for (let i = 0; i < rows.length; ++i) {
            if (String(rows[i][box.valueRole]) === String(box.selected))
                return i
        }
        return -1
    }
    currentIndex: chosen
    displayText: chosen < 0 ? placeholder : box.model[chosen][box.textRole]
    // A new model resets the index the box keeps itself: bind it to the value again.
    onModelChanged: Qt.callLater(() => box.currentIndex = Qt.binding(() => box.chosen))
}
