// Arrow keys move between the seats of the seat map (Tab reaches it, Enter or Space picks a seat).
document.addEventListener('keydown', event => {
  const seat = event.target.closest?.('.seat-map button.seat');
  if (!seat || !['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'].includes(event.key)) return;
  const seats = [...document.querySelectorAll('.seat-map button.seat')];
  const row = seats.filter(s => s.dataset.row === seat.dataset.row);
  let next;
  if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
    next = row[row.indexOf(seat) + (event.key === 'ArrowRight' ? 1 : -1)];
  } else {
    const rows = [...new Set(seats.map(s => s.dataset.row))];
    const target = rows[rows.indexOf(seat.dataset.row) + (event.key === 'ArrowDown' ? 1 : -1)];
    const letter = seat.dataset.seat.slice(-1);
    const candidates = seats.filter(s => s.dataset.row === target);
    next = candidates.find(s => s.dataset.seat.endsWith(letter)) ?? candidates[Math.min(row.indexOf(seat), candidates.length - 1)];
  }
  if (next) {
    next.focus();
    event.preventDefault();
  }
});
