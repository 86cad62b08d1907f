// The demo order lookup, as a shop's own script would do it: the answer arrives after a second
// (a real shop asks its server), in a result panel added to the page. NW-10482 has shipped; any
// other number is not found. Nothing is sent anywhere.
(() => {
  const form = document.getElementById('order-form');
  const box = document.getElementById('order-status');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    document.getElementById('order-result')?.remove();
    const number = document.getElementById('order-number').value.trim().toUpperCase();
    const note = box.querySelector('p');
    note.textContent = 'Looking up your order…';
    setTimeout(() => {
      const result = document.createElement('div');
      result.id = 'order-result';
      const heading = document.createElement('h3');
      const text = document.createElement('p');
      if (number === 'NW-10482') {
        heading.textContent = `Order ${number}: shipped`;
        text.textContent = 'Left our Portland warehouse yesterday; expected in 2–3 business days.';
      } else {
        heading.textContent = 'Order not found';
        text.textContent = 'Check the number in your confirmation email, or contact us.';
      }
      result.append(heading, text);
      note.textContent = '';
      box.append(result);
    }, 1000);
  });
})();
