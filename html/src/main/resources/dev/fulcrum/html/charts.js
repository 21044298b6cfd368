(function () {
  'use strict';
  var charts = {};
  window.fulcrumCharts = charts;
  var elements = document.querySelectorAll('div.chart');
  var waiting = elements.length;
  function allDrawn() {
    document.documentElement.dataset.chartsDrawn = 'true';
  }
  if (waiting === 0) {
    allDrawn();
    return;
  }
  Array.prototype.forEach.call(elements, function (element) {
    var option = JSON.parse(document.getElementById('chart-data-' + element.id).textContent);
    var chart = echarts.init(element);
    var drawn = false;
    charts[element.id] = chart;
    chart.on('finished', function () {
      if (!drawn) {
        drawn = true;
        waiting -= 1;
        if (waiting === 0) {
          allDrawn();
        }
      }
    });
    chart.setOption(option);
  });
  window.addEventListener('resize', function () {
    Object.keys(charts).forEach(function (id) { charts[id].resize(); });
  });
})();
